import Decimal from 'decimal.js';
import { openConfiguredStore } from './open-store';
import { registerPayoutRun } from '../../../api/src/running-payouts/payout-run.command';
import { registerExport } from './export.command';
import { journalExportPages } from './journal-export.query';
import { recordAuditStory, STORY_PAID, STORY_RUN } from './testing/audit-story';
import { environmentLedger, runCli, type CliLedger } from './testing/cli-harness';

interface JournalLine {
  entry: string;
  line: number | string;
  account: string;
  currency: string;
  debit: string;
  credit: string;
  amount: string;
  eventType: string;
  occurredAt: string;
}

/** A minimal CSV reader for what csv-stringify writes here: no field holds a comma, quote or newline. */
function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trimEnd().split('\n');
  const columns = header!.split(',');
  return rows.map((row) =>
    Object.fromEntries(row.split(',').map((value, i) => [columns[i]!, value])),
  );
}

function sumsByCurrency(lines: readonly JournalLine[]): Record<string, string> {
  const sums: Record<string, Decimal> = {};
  for (const line of lines)
    sums[line.currency] = (sums[line.currency] ?? new Decimal(0)).plus(line.amount);
  return Object.fromEntries(
    Object.entries(sums).map(([currency, sum]) => [currency, sum.toFixed()]),
  );
}

/** `ledger export payouts` and `ledger export journal` on the store the environment selects. */
describe(`ledger export on ${environmentLedger().name}`, () => {
  let ledger: CliLedger;

  beforeAll(async () => {
    ledger = await environmentLedger().create();
    ledger.use();
    const store = await ledger.open();
    try {
      await recordAuditStory(store, ledger.schema);
    } finally {
      await store.close();
    }
  }, 180_000);

  afterAll(async () => {
    await ledger?.destroy();
  });

  const exporting = (...args: string[]) => runCli(registerExport, 'export', ...args);

  it("exports a run's payouts exactly as the run answered them, with their status and reference", async () => {
    // Re-running the same run answers the stored answer (and pays nothing more).
    const rerun = await runCli(
      (program) => registerPayoutRun(program, openConfiguredStore),
      'payout-run',
      '--as-of',
      STORY_RUN.asOf,
      '--run-id',
      STORY_RUN.runId,
      '--json',
    );
    const answered = (
      JSON.parse(rerun.stdout) as {
        payouts: { payoutId: string; partnerId: string; currency: string; amount: string }[];
      }
    ).payouts;
    expect(answered.length).toBe(3);

    const json = JSON.parse(
      (await exporting('payouts', '--run', STORY_RUN.runId, '--format', 'json')).stdout,
    );
    const csv = parseCsv(
      (await exporting('payouts', '--run', STORY_RUN.runId, '--format', 'csv')).stdout,
    );
    const expected = answered.map((p) => ({
      payoutId: p.payoutId,
      partnerId: p.partnerId,
      currency: p.currency,
      amount: p.amount,
      status: p.payoutId === STORY_PAID.payoutId ? 'paid' : 'issued',
      reference: p.payoutId === STORY_PAID.payoutId ? STORY_PAID.reference : null,
    }));
    const byId = (a: { payoutId: string }, b: { payoutId: string }) =>
      a.payoutId.localeCompare(b.payoutId);
    expect([...json].sort(byId)).toEqual([...expected].sort(byId));
    expect((csv as unknown as { payoutId: string }[]).sort(byId)).toEqual(
      expected.map((p) => ({ ...p, reference: p.reference ?? '' })).sort(byId),
    );
    expect(Object.keys(csv[0]!)).toEqual([
      'payoutId',
      'partnerId',
      'currency',
      'amount',
      'status',
      'reference',
    ]);
  }, 60_000);

  it('refuses a run that was never recorded', async () => {
    await expect(exporting('payouts', '--run', 'run_never')).rejects.toThrow(
      'no payout run "run_never" is recorded',
    );
  });

  it('exports a journal that sums to zero per currency, as CSV and JSON alike', async () => {
    const csv = parseCsv((await exporting('journal')).stdout) as unknown as JournalLine[];
    const json = JSON.parse(
      (await exporting('journal', '--format', 'json')).stdout,
    ) as JournalLine[];
    expect(csv.length).toBeGreaterThan(30);
    expect(csv.map((l) => ({ ...l, line: Number(l.line) }))).toEqual(json);
    expect(sumsByCurrency(json)).toEqual({ USD: '0', JPY: '0' });
    // Every entry balances on its own, and commissions and payouts are both in it.
    const entries = new Map<string, JournalLine[]>();
    for (const line of json) entries.set(line.entry, [...(entries.get(line.entry) ?? []), line]);
    for (const lines of entries.values())
      expect(Object.values(sumsByCurrency(lines))).toEqual(['0']);
    expect(new Set(json.map((l) => l.eventType))).toEqual(
      new Set([
        'CommissionEarned',
        'CommissionReversed',
        'CommissionClawedBack',
        'CommissionReassigned',
        'PayoutIssued',
        'PayoutMarkedPaid',
      ]),
    );
    for (const line of json)
      expect(new Decimal(line.amount).eq(new Decimal(line.debit).minus(line.credit))).toBe(true);
  });

  it('exports a business-time range that still sums to zero, and only that range', async () => {
    const march = JSON.parse(
      (
        await exporting(
          'journal',
          '--from',
          '2026-03-01T00:00:00Z',
          '--to',
          '2026-04-01T00:00:00Z',
          '--format',
          'json',
        )
      ).stdout,
    ) as JournalLine[];
    expect(march.length).toBeGreaterThan(5);
    expect(
      march.every(
        (l) =>
          l.occurredAt >= '2026-03-01T00:00:00.000Z' && l.occurredAt < '2026-04-01T00:00:00.000Z',
      ),
    ).toBe(true);
    expect(sumsByCurrency(march)).toEqual({ USD: '0', JPY: '0' });
    const all = JSON.parse(
      (await exporting('journal', '--format', 'json')).stdout,
    ) as JournalLine[];
    expect(march).toEqual(
      all.filter(
        (l) =>
          l.occurredAt >= '2026-03-01T00:00:00.000Z' && l.occurredAt < '2026-04-01T00:00:00.000Z',
      ),
    );
    await expect(
      exporting('journal', '--from', '2026-04-01T00:00:00Z', '--to', '2026-03-01T00:00:00Z'),
    ).rejects.toThrow('--from must be before --to');
  });

  it('pages through the journal without losing or repeating a line at page boundaries', async () => {
    const store = await ledger.open();
    try {
      const read = async (pageSize: number, range = {}) => {
        const pages = [];
        for await (const page of journalExportPages(
          store.raw(),
          ledger.readSchema,
          range,
          pageSize,
        ))
          pages.push(page);
        return pages;
      };
      const [whole] = await read(10_000);
      // Entries share their occurredAt (and two lines their position): pages of 3 cut through both.
      const paged = await read(3);
      expect(paged.length).toBe(Math.ceil(whole!.length / 3));
      expect(paged.flat()).toEqual(whole);
      const range = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
      expect((await read(2, range)).flat()).toEqual((await read(10_000, range)).flat());
    } finally {
      await store.close();
    }
  });
});
