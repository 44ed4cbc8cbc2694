import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import type { Command } from 'commander';
// libs/simulation has no path alias yet (tsconfig.json is the lead's): imported by relative path.
import {
  parsePlanFile,
  parseWindow,
  simulate,
  SimulationInputError,
  type SimulationProgress,
  type SimulationReport,
} from '../../../../libs/simulation/src';
import { openConfiguredStore } from './open-store';

interface SimulateOptions {
  plan: string;
  from: string;
  to: string;
  json?: boolean;
}

/**
 * `ledger simulate --plan plan.json --from <ISO> --to <ISO> [--json]` (SPEC §6): what the
 * programme would have paid under another plan. Replays the log in memory and writes nothing; the
 * table (or `--json`) goes to stdout, progress to stderr.
 */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      'replay history under another commission plan, in memory, and print the difference per partner (writes nothing)',
    )
    .requiredOption('--plan <file>', 'the plan as a JSON file: the body of POST /v1/plans')
    .requiredOption(
      '--from <instant>',
      'first payment time re-priced, ISO-8601 with offset (included)',
    )
    .requiredOption('--to <instant>', 'end of the window, ISO-8601 with offset (excluded)')
    .option('--json', 'print { from, to, plan, partners, totals } as JSON')
    .action(async (options: SimulateOptions) => {
      const report = await runSimulation(options);
      console.log(options.json ? JSON.stringify(report, null, 2) : renderReport(report));
    });
}

async function runSimulation(options: SimulateOptions): Promise<SimulationReport> {
  const window = parseWindow(options.from, options.to);
  const plan = parsePlanFile(await readPlanFile(options.plan));
  const { store } = await openConfiguredStore();
  const progress = progressBar();
  try {
    return await simulate(store, { plan, window, onProgress: progress.update });
  } finally {
    progress.stop();
    await store.close();
  }
}

async function readPlanFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new SimulationInputError([
      `cannot read the plan file ${path}: ${(error as Error).message}`,
    ]);
  }
}

/** A bar on stderr when a person is watching; nothing when stderr is a pipe or a file. */
function progressBar(): { update: (progress: SimulationProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'replaying the log [{bar}] {percentage}% | {eventsRead} events',
    hideCursor: true,
  });
  let started = false;
  return {
    update: ({ eventsRead, position, headPosition }) => {
      // Positions may have gaps, so the head position is an upper bound of the events to read.
      if (!started) bar.start(Number(headPosition), 0, { eventsRead });
      started = true;
      bar.update(Number(position), { eventsRead });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** The per-partner table, then the total cost change per currency. */
export function renderReport(report: SimulationReport): string {
  const { plan } = report;
  const lines = [
    `plan ${plan.planId} v${plan.version} (basis ${plan.basis}, influenced × ${plan.influencedFactor}) for payments in [${report.from}, ${report.to})`,
  ];
  if (report.partners.length === 0) {
    lines.push('no commission was earned on payments in this window');
    return lines.join('\n');
  }
  // Plain (no colours, no rule between rows): the output is read in terminals, logs and tickets alike.
  const style = { head: [], border: [] };
  const chars = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
  const partners = new Table({
    head: ['partner', 'currency', 'actual', 'simulated', 'difference'],
    colAligns: ['left', 'left', 'right', 'right', 'right'],
    style,
    chars,
  });
  for (const row of report.partners)
    partners.push([row.partnerId, row.currency, row.actual, row.simulated, row.difference]);
  const totals = new Table({
    head: ['currency', 'actual', 'simulated', 'cost change'],
    colAligns: ['left', 'right', 'right', 'right'],
    style,
    chars,
  });
  for (const row of report.totals)
    totals.push([row.currency, row.actual, row.simulated, row.difference]);
  lines.push(
    partners.toString(),
    'total cost change per currency (simulated − actual):',
    totals.toString(),
  );
  return lines.join('\n');
}
