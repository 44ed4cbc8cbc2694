import { Presets, SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import type { Command } from 'commander';
import type { LedgerConfig } from '@ledger/core';
import { MINIMUM_PAYOUT } from '@ledger/domain/program/rules';
import { isDecimalString } from '@ledger/domain/money';
import type { EventStore } from '@ledger/event-store/port';
import { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { payoutsProjection } from '@ledger/projections/payouts';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import type { CommandAnswer } from '../commands/command-answer';
import { storeReadModels, type PayoutReadModels } from '../payouts/payout-read-models';
import { normaliseInstant } from '../validation/instant';
import { isLedgerId } from '../validation/field-formats';
import { RunPayoutsService } from './run-payouts.service';

/** Opens the configured store (the CLI's `openConfiguredStore`). */
export type OpenStore = () => Promise<{ store: EventStore; config: LedgerConfig }>;

interface PayoutRunOptions {
  asOf: string;
  runId?: string;
  minimum: string;
  json?: boolean;
}

/**
 * `ledger payout-run --as-of <instant>`: the same run as `POST /v1/payout-runs`, for finance at a
 * terminal. The run id defaults to `payout-run:{asOf}`, so running the same as-of twice pays once.
 * The read models are brought up to date first (on the embedded store, the CLI is the only process
 * that can open it); when another process runs the projections, the run waits for it instead.
 */
export function registerPayoutRun(program: Command, open: OpenStore): void {
  program
    .command('payout-run')
    .description(
      'pay, per partner and currency, every payable commission not yet paid as of a business time',
    )
    .requiredOption(
      '--as-of <instant>',
      'business time of the run, ISO-8601 with offset (2026-04-01T00:00:00Z)',
    )
    .option(
      '--run-id <id>',
      'the run id (default: payout-run:<as-of>); re-running an id answers the same',
    )
    .option(
      '--minimum <amount>',
      "smallest net paid, in each currency's major unit",
      MINIMUM_PAYOUT,
    )
    .option('--json', 'print the answer as JSON')
    .action(async (options: PayoutRunOptions) => {
      const asOf = normaliseInstant(options.asOf);
      if (asOf === null)
        throw new Error(
          `--as-of must be an ISO-8601 instant with an offset, got "${options.asOf}"`,
        );
      const runId = options.runId ?? `payout-run:${asOf}`;
      if (!isLedgerId(runId))
        throw new Error(`--run-id must be 1–128 characters of [A-Za-z0-9._:-], got "${runId}"`);
      if (!isDecimalString(options.minimum) || options.minimum.startsWith('-'))
        throw new Error(`--minimum must be a decimal amount, got "${options.minimum}"`);

      const { store, config } = await open();
      try {
        const readModels = storeReadModels(store, config);
        await catchUpIfAlone(store, readModels);
        const answer = await new RunPayoutsService(store, readModels).run(
          { runId, asOf, minimumPayout: options.minimum },
          { actor: 'cli:payout-run', onProgress: progressBar() },
        );
        console.log(options.json ? JSON.stringify(answer, null, 2) : renderRun(answer));
      } finally {
        await store.close();
      }
    });
}

/** Applies the log to every read model, unless another process holds the projections (it then keeps them). */
async function catchUpIfAlone(store: EventStore, readModels: PayoutReadModels): Promise<void> {
  if (!(store instanceof SqlEventStore)) return;
  const projections = [
    ...ALL_PROJECTIONS.filter((p) => p.name !== payoutsProjection.name),
    payoutsProjection,
  ];
  const runner = new ProjectionRunner({
    store,
    db: store.raw(),
    schema: readModels.schema,
    projections,
  });
  try {
    await runner.catchUp();
  } catch (error) {
    if (!(error instanceof Error && /another process/.test(error.message))) throw error;
  }
}

function progressBar(): (done: number, total: number) => void {
  let bar: SingleBar | null = null;
  return (done, total) => {
    if (!process.stderr.isTTY) return;
    if (bar === null) {
      bar = new SingleBar(
        { format: 'partners {bar} {value}/{total}', stream: process.stderr },
        Presets.shades_classic,
      );
      bar.start(total, 0);
    }
    bar.update(done);
    if (done === total) bar.stop();
  };
}

function renderRun(answer: CommandAnswer): string {
  const table = new Table({
    head: ['payout', 'partner', 'currency', 'amount'],
    style: { head: [], border: [] },
    colAligns: ['left', 'left', 'left', 'right'],
  });
  const payouts = (answer.payouts ?? []) as {
    payoutId: string;
    partnerId: string;
    currency: string;
    amount: string;
  }[];
  for (const p of payouts) table.push([p.payoutId, p.partnerId, p.currency, p.amount]);
  const carried = (answer.carriedForward ?? []) as {
    partnerId: string;
    currency: string;
    amount: string;
  }[];
  const skipped = (answer.skipped ?? []) as { partnerId: string; reason: string }[];
  return [
    `Run ${String(answer.runId)} as of ${String(answer.asOf)} (minimum ${String(answer.minimumPayout)}): ${payouts.length} payout(s)`,
    table.toString(),
    ...carried.map((c) => `carried forward: ${c.partnerId} ${c.amount} ${c.currency}`),
    ...skipped.map((s) => `skipped: ${s.partnerId} (${s.reason})`),
  ].join('\n');
}
