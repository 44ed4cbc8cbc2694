import { LedgerCommands } from '@ledger/core/commands/ledger-commands.service';
import { DEFAULT_PLAN } from '@ledger/domain';
import { openPgliteEventStore } from '@ledger/event-store/sql/open-sql-event-store';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { simulate } from './simulate';
import type { SimulationReport } from './simulation-report';
import { record, recordProgrammeHistory, referralRaisedTo } from './testing/programme-history';

const WHOLE = { from: '2026-01-01T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z' };

/** A report's rows as `partner currency: actual → simulated (difference)`, for readable expectations. */
function rows(report: SimulationReport): string[] {
  return [
    ...report.partners.map(
      (r) => `${r.partnerId} ${r.currency}: ${r.actual} → ${r.simulated} (${r.difference})`,
    ),
    ...report.totals.map(
      (t) => `total ${t.currency}: ${t.actual} → ${t.simulated} (${t.difference})`,
    ),
  ];
}

describe('simulate: a programme history replayed under another plan, in memory', () => {
  let store: SqlEventStore;

  beforeAll(async () => {
    store = await openPgliteEventStore({ schema: 'ledger' });
    await recordProgrammeHistory(new LedgerCommands(store));
  });

  afterAll(async () => {
    await store?.close();
  });

  it('under the shipped plan reproduces history: zero difference for every partner and currency', async () => {
    const report = await simulate(store, { plan: DEFAULT_PLAN, window: WHOLE, pageSize: 7 });
    expect(rows(report)).toEqual([
      // acc_1 10.01 + 33.33 − 11.11; acc_2 50.00 − 50.00; acc_4 10.00; acc_7 40.00 − 40.00 moved away.
      'p_int USD: 146.67 → 146.67 (0.00)',
      'p_ref JPY: 1234 → 1234 (0)',
      'p_ref USD: 42.23 → 42.23 (0.00)',
      'p_sol USD: 350.00 → 350.00 (0.00)',
      'total JPY: 1234 → 1234 (0)',
      'total USD: 538.90 → 538.90 (0.00)',
    ]);
    expect(report).toMatchObject({ from: WHOLE.from, to: WHOLE.to, plan: DEFAULT_PLAN });
  });

  it('with referral rates at 15% adds what each referral commission re-rounded at 15% adds, net of reversals and clawbacks', async () => {
    const report = await simulate(store, { plan: referralRaisedTo('0.15'), window: WHOLE });
    // p_ref USD, per commission at 15% vs 10%, each rounded once half-even:
    //   pay_1a 100.10 → 15.015 → 15.02 vs 10.01 (+5.01); pay_1b 333.33 → 49.9995 → 50.00 vs 33.33 (+16.67);
    //   its one-third refund reverses 16.67 vs 11.11 (−5.56); pay_2 75.00 vs 50.00, all clawed back (0);
    //   pay_4 influenced 200.00 × 0.075 = 15.00 vs 10.00 (+5.00); pay_7 60.00 vs 40.00, all moved to p_int (0).
    //   5.01 + 16.67 − 5.56 + 5.00 = 21.12. (5% of each basis rounded alone would give 5.005 → 5.00: not what is paid.)
    // p_ref JPY: pay_6 12345 × 0.15 = 1851.75 → 1852 vs 1234 (+618).
    // p_int USD: the dispute moves pay_7's referral commission to it: 60.00 vs 40.00 (+20.00).
    expect(rows(report)).toEqual([
      'p_int USD: 146.67 → 166.67 (20.00)',
      'p_ref JPY: 1234 → 1852 (618)',
      'p_ref USD: 42.23 → 63.35 (21.12)',
      'p_sol USD: 350.00 → 350.00 (0.00)',
      'total JPY: 1234 → 1852 (618)',
      'total USD: 538.90 → 580.02 (41.12)',
    ]);
  });

  it('with a net basis subtracts each payment’s cost of revenue before the rate', async () => {
    const report = await simulate(store, {
      plan: { ...DEFAULT_PLAN, planId: 'net', version: 2, basis: 'net' },
      window: WHOLE,
    });
    // pay_4 200.00 − 50.00 = 150.00: p_int 30.00 vs 40.00 (−10.00), p_ref influenced 7.50 vs 10.00 (−2.50).
    // pay_8 1000.00 − 400.00 = 600.00 × 0.35 = 210.00 vs 350.00 (−140.00). Payments without a cost are unchanged.
    expect(rows(report)).toEqual([
      'p_int USD: 146.67 → 136.67 (-10.00)',
      'p_ref JPY: 1234 → 1234 (0)',
      'p_ref USD: 42.23 → 39.73 (-2.50)',
      'p_sol USD: 350.00 → 210.00 (-140.00)',
      'total JPY: 1234 → 1234 (0)',
      'total USD: 538.90 → 386.40 (-152.50)',
    ]);
  });

  it('counts only payments inside [from, to), with their later refunds, and re-prices only those', async () => {
    const window = { from: '2026-03-01T10:00:00.000Z', to: '2026-04-01T10:00:00.000Z' };
    const report = await simulate(store, { plan: referralRaisedTo('0.15'), window });
    // In: pay_4 (03-01 10:00, `from` included), pay_7, pay_1b and its refund, pay_6.
    // Out: pay_1a, pay_2 and pay_3 (earlier; their churns inside the window do not count either),
    // pay_8 (04-01 10:00, `to` excluded), pay_1c (May).
    // p_ref USD: pay_1b 33.33 − 11.11 = 22.22 → 50.00 − 16.67 = 33.33; pay_4 10.00 → 15.00; pay_7 nets 0.
    expect(rows(report)).toEqual([
      'p_int USD: 80.00 → 100.00 (20.00)',
      'p_ref JPY: 1234 → 1852 (618)',
      'p_ref USD: 32.22 → 48.33 (16.11)',
      'total JPY: 1234 → 1852 (618)',
      'total USD: 112.22 → 148.33 (36.11)',
    ]);
  });

  it('reads the log page by page and reports its progress up to the head it started from', async () => {
    const seen: number[] = [];
    await simulate(store, {
      plan: DEFAULT_PLAN,
      window: WHOLE,
      pageSize: 10,
      onProgress: (p) => seen.push(p.eventsRead),
    });
    const head = await store.lastCommittedCheckpoint();
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.slice(0, 3)).toEqual([10, 20, 30]);
    expect(seen.at(-1)).toBe((await store.readAll({ limit: 10_000 })).events.length);
    expect(await store.lastCommittedCheckpoint()).toEqual(head);
  });
});

describe('simulate: a log with a published plan', () => {
  let store: SqlEventStore;

  beforeAll(async () => {
    store = await openPgliteEventStore({ schema: 'ledger' });
    const commands = new LedgerCommands(store);
    const published = referralRaisedTo('0.12');
    await record(commands, {
      type: 'EnrollPartner',
      data: {
        partnerId: 'p_ref',
        name: 'Ref',
        tier: 'referral',
        enrolledAt: '2026-01-01T00:00:00.000Z',
      },
    });
    await record(commands, {
      type: 'PublishCommissionPlan',
      data: { ...published, planId: 'default', effectiveFrom: '2026-03-01T00:00:00.000Z' },
    });
    await record(commands, {
      type: 'RecordTouchpoint',
      data: {
        touchpointId: 't',
        partnerId: 'p_ref',
        accountId: 'acc',
        kind: 'coupon',
        occurredAt: '2026-01-15T00:00:00.000Z',
      },
    });
    for (const [paymentId, occurredAt] of [
      ['pay_feb', '2026-02-10T00:00:00.000Z'],
      ['pay_mar', '2026-03-10T00:00:00.000Z'],
    ] as const) {
      const data = {
        paymentId,
        accountId: 'acc',
        amount: '1000.00',
        currency: 'USD',
        revenueModel: 'monthly_subscription' as const,
        occurredAt,
      };
      await record(commands, { type: 'RecordPayment', data });
    }
  });

  afterAll(async () => {
    await store?.close();
  });

  it('shows what each payment actually earned under the plan of its time, and replaces that plan inside the window only', async () => {
    // Actual: pay_feb 100.00 under the shipped 10%, pay_mar 120.00 under the published 12%.
    const march = await simulate(store, {
      plan: referralRaisedTo('0.15'),
      window: { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
    });
    expect(rows(march)).toEqual([
      'p_ref USD: 120.00 → 150.00 (30.00)',
      'total USD: 120.00 → 150.00 (30.00)',
    ]);

    const both = await simulate(store, {
      plan: referralRaisedTo('0.12'),
      window: { from: '2026-02-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
    });
    expect(rows(both)).toEqual([
      'p_ref USD: 220.00 → 240.00 (20.00)',
      'total USD: 220.00 → 240.00 (20.00)',
    ]);
  });
});
