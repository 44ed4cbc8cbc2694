import { Option, type Command } from 'commander';
import { formatExact } from '@ledger/domain/money';
import { PAYOUT_RUNS, payoutsOfRun } from '@ledger/projections/payouts';
import { normaliseInstant } from '../../../api/src/validation/instant';
import { isLedgerId } from '../../../api/src/validation/field-formats';
import { EXPORT_FORMATS, ExportWriter, type ExportFormat } from './export-writer';
import {
  JOURNAL_EXPORT_COLUMNS,
  journalExportPages,
  type JournalExportLine,
} from './journal-export.query';
import { bringReadModelsUpToDate, openReadSide, type ReadSide } from './open-read-side';

/** One payout of a run, as finance hands it to the bank or the accounts-payable system. */
export interface PayoutExportLine {
  payoutId: string;
  partnerId: string;
  currency: string;
  amount: string;
  status: 'issued' | 'paid' | 'failed';
  reference: string | null;
}

const PAYOUT_EXPORT_COLUMNS: readonly (keyof PayoutExportLine)[] = [
  'payoutId',
  'partnerId',
  'currency',
  'amount',
  'status',
  'reference',
];

/**
 * `ledger export payouts --run <id>` and `ledger export journal [--from] [--to]` (SPEC §6), as CSV or
 * JSON on stdout. Both read the read models, brought up to the head of the log first.
 */
export function registerExport(program: Command): void {
  const exporting = program
    .command('export')
    .description('export payouts of a run, or the double-entry journal, as CSV or JSON on stdout');
  exporting
    .command('payouts')
    .description(
      'the payouts of one payout run: payoutId, partnerId, currency, amount, status, reference',
    )
    .requiredOption('--run <id>', 'the payout run id')
    .addOption(formatOption())
    .action(async (options: { run: string; format: ExportFormat }) => {
      if (!isLedgerId(options.run))
        throw new Error(`--run must be 1–128 characters of [A-Za-z0-9._:-], got "${options.run}"`);
      await withFreshReadModels((readSide) => exportPayouts(readSide, options.run, options.format));
    });
  exporting
    .command('journal')
    .description(
      'the journal lines for the general ledger: entry, line, account, partner, debit, credit, signed amount, currency, source event, times',
    )
    .option('--from <instant>', 'business time, inclusive (ISO-8601 with offset)')
    .option('--to <instant>', 'business time, exclusive (ISO-8601 with offset)')
    .addOption(formatOption())
    .addHelpText(
      'after',
      '\nEach money event posts one balanced entry, numbered by its global position; per currency the\n' +
        'lines of any range sum to zero. `amount` is debit − credit.',
    )
    .action(async (options: { from?: string; to?: string; format: ExportFormat }) => {
      const range = {
        from: instantOption('--from', options.from),
        to: instantOption('--to', options.to),
      };
      if (range.from !== undefined && range.to !== undefined && range.from >= range.to)
        throw new Error(`--from must be before --to, got ${range.from} and ${range.to}`);
      await withFreshReadModels(async (readSide) => {
        const writer = new ExportWriter<JournalExportLine>(options.format, [
          ...JOURNAL_EXPORT_COLUMNS,
        ]);
        for await (const page of journalExportPages(
          readSide.readModels.db,
          readSide.readModels.schema,
          range,
        ))
          await writer.write(page);
        await writer.end();
      });
    });
}

async function exportPayouts(
  readSide: ReadSide,
  runId: string,
  format: ExportFormat,
): Promise<void> {
  const { db, schema } = readSide.readModels;
  const payouts = await payoutsOfRun(db, schema, runId);
  if (payouts.length === 0) {
    const [run] = await db.query(`SELECT 1 FROM "${schema}"."${PAYOUT_RUNS}" WHERE run_id = $1`, [
      runId,
    ]);
    if (run === undefined) throw new Error(`no payout run "${runId}" is recorded`);
  }
  const writer = new ExportWriter<PayoutExportLine>(format, [...PAYOUT_EXPORT_COLUMNS]);
  await writer.write(
    payouts.map((p) => ({
      payoutId: p.payoutId,
      partnerId: p.partnerId,
      currency: p.currency,
      amount: formatExact(p.amount, p.currency),
      status: p.status,
      reference: p.reference,
    })),
  );
  await writer.end();
}

async function withFreshReadModels(work: (readSide: ReadSide) => Promise<void>): Promise<void> {
  const readSide = await openReadSide();
  try {
    await bringReadModelsUpToDate(readSide);
    await work(readSide);
  } finally {
    await readSide.close();
  }
}

function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('csv');
}

function instantOption(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const instant = normaliseInstant(value);
  if (instant === null)
    throw new Error(`${flag} must be an ISO-8601 instant with an offset, got "${value}"`);
  return instant;
}
