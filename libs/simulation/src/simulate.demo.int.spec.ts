import { DEFAULT_PLAN, Money, type CommissionPlanPublished } from '@ledger/domain';
import { openPgliteEventStore } from '@ledger/event-store/sql/open-sql-event-store';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
// libs/demo has no path alias yet: imported by relative path.
import { executeDemo } from '../../demo/src/executor/demo-executor';
import { generateDemo } from '../../demo/src/generator/demo-generator';
import { simulate } from './simulate';
import type { SimulationReport } from './simulation-report';

const TARGET_EVENTS = 3_000;

function nonZeroDifferences(report: SimulationReport) {
  return report.partners.filter((row) => !new Money(row.difference).isZero());
}

/**
 * `ledger demo`'s realistic history (partners' careers, sales cycles, registrations, refunds,
 * churn, disputes, two published plans) replayed under the plans it was recorded with: the
 * simulation must reproduce it to the cent. One append at a time, so commit order is decision order.
 */
describe('simulate: a generated demo programme replays to zero difference', () => {
  let store: SqlEventStore;
  let published: CommissionPlanPublished[];

  beforeAll(async () => {
    store = await openPgliteEventStore({ schema: 'ledger' });
    const demo = generateDemo({ seed: 42, targetEvents: TARGET_EVENTS });
    await executeDemo(store, demo.steps, { targetEvents: TARGET_EVENTS, concurrency: 1 });
    published = (await store.readStream('plans')).map(
      (e) =>
        ({
          type: 'CommissionPlanPublished',
          eventId: e.eventId,
          occurredAt: e.occurredAt,
          data: e.data,
        }) as unknown as CommissionPlanPublished,
    );
  }, 180_000);

  afterAll(async () => {
    await store?.close();
  });

  it('records a demo of the requested size, with two plan versions', async () => {
    expect((await store.readAll({ limit: 10_000 })).events.length).toBeGreaterThanOrEqual(
      TARGET_EVENTS,
    );
    expect(published.map((p) => p.data.version)).toEqual([1, 2]);
  });

  it('under the shipped plan, while the first published version (the shipped rates) was in force', async () => {
    const [first, second] = published;
    expect(first!.data.rates).toEqual(DEFAULT_PLAN.rates);
    const report = await simulate(store, {
      plan: DEFAULT_PLAN,
      window: { from: '2000-01-01T00:00:00.000Z', to: second!.data.effectiveFrom },
    });
    expect(report.partners.length).toBeGreaterThan(5);
    expect(nonZeroDifferences(report)).toEqual([]);
    expect(report.totals.some((t) => new Money(t.actual).gt(0))).toBe(true);
  });

  it('under the second published version (net basis) for the payments it governed', async () => {
    const second = published[1]!.data;
    const report = await simulate(store, {
      plan: { ...second },
      window: { from: second.effectiveFrom, to: '2100-01-01T00:00:00.000Z' },
    });
    expect(report.partners.length).toBeGreaterThan(5);
    expect(nonZeroDifferences(report)).toEqual([]);
  });
});
