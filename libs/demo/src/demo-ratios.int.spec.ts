import { createPgliteClient, SqlEventStore, type PgliteClient } from '@ledger/event-store/sql';
import { runDemo, type DemoReport } from './run-demo';

/**
 * A 20,000-event demo on a fresh store lands where the programme design (seed
 * `partner-affiliate.txt`, "The Recruitment Funnel" and "the 80/20 rule") says a real programme
 * does, as counted from what the ledger recorded — and the store it leaves passes the integrity check.
 */
describe('a 20k-event demo', () => {
  let client: PgliteClient;
  let store: SqlEventStore;
  let report: DemoReport;

  beforeAll(async () => {
    client = await createPgliteClient();
    store = await SqlEventStore.open(client, { schema: 'demo_ratios', closeClient: false });
    report = await runDemo(store, { seed: 1, targetEvents: 20_000, concurrency: 4 });
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    await client?.close();
  });

  it('appends at least the target, refusing nothing, over about two years from 2025-01-01', () => {
    expect(report.events).toBeGreaterThanOrEqual(20_000);
    expect(report.events).toBeLessThan(20_100);
    expect(report.refusals).toEqual({});
    expect(report.businessTime.from).toBe('2025-01-01T00:00:00.000Z');
    expect(report.businessTime.to! >= '2026-09-01' && report.businessTime.to! < '2027-05-01').toBe(true);
  });

  it('onboards 60–70% of recruited partners and activates 20–30% of the onboarded (the seed\'s funnel)', () => {
    const { enrolled, onboarded, activated } = report.partners;
    expect(enrolled).toBeGreaterThan(300);
    expect(onboarded / enrolled).toBeGreaterThanOrEqual(0.6);
    expect(onboarded / enrolled).toBeLessThanOrEqual(0.7);
    expect(activated / onboarded).toBeGreaterThanOrEqual(0.2);
    expect(activated / onboarded).toBeLessThanOrEqual(0.3);
  });

  it('concentrates partner-sourced revenue: the top 20% of sourcing partners bring at least 70%', () => {
    expect(report.sourcedRevenue.partners).toBeGreaterThan(50);
    expect(report.sourcedRevenue.topFifthShare).toBeGreaterThanOrEqual(0.7);
  });

  it('bills in five currencies, with refunds, churn, clawbacks, conflicts and disputes along the way', () => {
    expect(Object.keys(report.payments.byCurrency).sort()).toEqual(['BHD', 'EUR', 'GBP', 'JPY', 'USD']);
    for (const type of ['PaymentRefunded', 'CustomerChurned', 'CommissionClawedBack', 'DealRegistrationRejected', 'DisputeResolved', 'ProtectionRevoked']) {
      expect({ type, recorded: (report.eventsByType[type] ?? 0) > 0 }).toEqual({ type, recorded: true });
    }
  });

  it('leaves a store whose hash chains verify', async () => {
    const integrity = await store.verifyIntegrity();
    expect(integrity.problems).toEqual([]);
    expect(integrity.eventsChecked).toBe(report.events);
  });
});
