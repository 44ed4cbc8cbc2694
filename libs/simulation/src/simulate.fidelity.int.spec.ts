import { LedgerCommands } from '@ledger/core/commands/ledger-commands.service';
import { DEFAULT_PLAN, Money } from '@ledger/domain';
import { openPgliteEventStore } from '@ledger/event-store/sql/open-sql-event-store';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { simulate } from './simulate';
import { referralRaisedTo } from './testing/programme-history';
import { recordSeededHistory } from './testing/seeded-history';

/** The seeded history publishes referral 12% from this instant on (start + 200 days). */
const PUBLISHED_FROM = '2026-07-20T00:00:00.000Z';

describe('simulate: replay fidelity on a varied seeded history', () => {
  let store: SqlEventStore;
  let recorded: { accepted: number; refused: number };

  beforeAll(async () => {
    store = await openPgliteEventStore({ schema: 'ledger' });
    recorded = await recordSeededHistory(new LedgerCommands(store), 7, 60);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it('records a history worth replaying', async () => {
    const { events } = await store.readAll({ limit: 10_000 });
    const types = new Set(events.map((e) => e.type));
    expect(recorded.accepted).toBeGreaterThan(300);
    for (const type of [
      'CommissionEarned',
      'CommissionReversed',
      'CommissionClawedBack',
      'CommissionReassigned',
      'DealRegistrationExpired',
      'CommissionsHeld',
      'PartnerRemoved',
      'PartnerTierChanged',
    ]) {
      expect([type, types.has(type)]).toEqual([type, true]);
    }
  });

  it('reproduces history exactly under the plan actually in force, before and after a published plan', async () => {
    const before = await simulate(store, {
      plan: DEFAULT_PLAN,
      window: { from: '2025-01-01T00:00:00.000Z', to: PUBLISHED_FROM },
      pageSize: 97,
    });
    const after = await simulate(store, {
      plan: referralRaisedTo('0.12'),
      window: { from: PUBLISHED_FROM, to: '2028-01-01T00:00:00.000Z' },
      pageSize: 97,
    });
    for (const report of [before, after]) {
      expect(report.partners.length).toBeGreaterThan(3);
      expect(report.partners.filter((row) => !new Money(row.difference).isZero())).toEqual([]);
      expect(report.totals.some((total) => new Money(total.actual).gt(0))).toBe(true);
    }
  });

  it('pays nothing at all under a plan of zero rates, however refunds, churn and disputes fell', async () => {
    const none = referralRaisedTo('0').rates.referral;
    const zero = {
      ...DEFAULT_PLAN,
      planId: 'zero',
      version: 9,
      rates: { referral: none, integration: none, solution: none },
    };
    const report = await simulate(store, {
      plan: zero,
      window: { from: '2025-01-01T00:00:00.000Z', to: '2028-01-01T00:00:00.000Z' },
    });
    expect(report.partners.filter((row) => !new Money(row.simulated).isZero())).toEqual([]);
    expect(report.totals.length).toBe(3);
    // The whole actual cost disappears: difference = −actual, in every currency.
    for (const total of report.totals) {
      expect(new Money(total.actual).gt(0)).toBe(true);
      expect(new Money(total.difference).plus(total.actual).isZero()).toBe(true);
    }
  });
});
