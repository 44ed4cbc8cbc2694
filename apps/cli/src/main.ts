#!/usr/bin/env node
/**
 * `ledger`: the operator's and finance's command line (SPEC §6). Every command has `--help`; long jobs
 * show progress on stderr so stdout stays clean for `--json` and CSV output.
 */
import { Command } from 'commander';
import { registerServe } from './commands/serve.command';
import { registerVerify } from './commands/verify.command';
import { registerSeal } from './commands/seal.command';
import { registerSimulate } from './commands/simulate.command';
import { registerRebuild } from './commands/rebuild.command';
import { registerStatement } from './commands/statement.command';
import { registerExport } from './commands/export.command';
import { registerDemo } from './commands/demo.command';
import { openConfiguredStore } from './commands/open-store';
import { registerPayoutRun } from '../../api/src/running-payouts/payout-run.command';
import { registerExplain } from '../../api/src/explaining-payouts/explain.command';

export function buildCli(): Command {
  const program = new Command('ledger')
    .description('Event-sourced attribution and payout ledger for partner programs')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  registerServe(program);
  registerVerify(program);
  registerSeal(program);
  registerSimulate(program);
  registerRebuild(program);
  registerStatement(program);
  registerExport(program);
  registerDemo(program);
  registerPayoutRun(program, openConfiguredStore);
  registerExplain(program, openConfiguredStore);
  return program;
}

if (require.main === module) {
  buildCli()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
