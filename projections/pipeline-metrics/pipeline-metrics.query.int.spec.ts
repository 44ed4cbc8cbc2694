import { projectedLog } from '../account-timeline/testing/projected-log';
import { readModelDatabases, type ReadModelDb } from '../account-timeline/testing/read-model-db';
import {
  at,
  attribution,
  lost,
  opened,
  payment,
  refund,
  touchpoint,
  won,
} from '../account-timeline/testing/ledger-events';
import type { LedgerEvent } from '@ledger/domain/messages/events';
import { pipelineMetricsProjection } from './pipeline-metrics.projection';
import { readPipelineMetrics } from './pipeline-metrics.query';

/**
 * A quarter of programme history (window: 2026-01-01 ≤ t < 2026-04-01, days 0–90) whose metrics are
 * worked out by hand in the comments. Amounts are USD unless stated.
 */
function history(): LedgerEvent[] {
  return [
    // a1: sourced by p1 from day 1. Revenue 1000 + 500 − refund 100 in the window; 999 and a refund of 50 after it.
    touchpoint(at(1), { id: 't1', partnerId: 'p1', accountId: 'a1' }),
    attribution(at(1), { id: 'a1-1', accountId: 'a1', sourced: 'p1' }),
    payment(at(10), { id: 'pay1', accountId: 'a1', amount: '1000.00' }),
    payment(at(40), { id: 'pay2', accountId: 'a1', amount: '500.00' }),
    refund(at(50), { id: 'ref1', paymentId: 'pay1', accountId: 'a1', amount: '100.00' }),
    payment(at(95), { id: 'pay8', accountId: 'a1', amount: '999.00' }),
    refund(at(100), { id: 'ref2', paymentId: 'pay2', accountId: 'a1', amount: '50.00' }),
    // a2: 77 before it had any attribution (and before the window); sourced by p2 from day 2: 300.
    payment(at(-5), { id: 'pay0', accountId: 'a2', amount: '77.00' }),
    attribution(at(2), { id: 'a2-1', accountId: 'a2', sourced: 'p2' }),
    payment(at(20), { id: 'pay3', accountId: 'a2', amount: '300.00' }),
    // a3: influenced by p3 only: 200 partner-influenced.
    attribution(at(5), {
      id: 'a3-1',
      accountId: 'a3',
      influenced: ['p3'],
      rule: 'attribution.contribution',
    }),
    payment(at(30), { id: 'pay4', accountId: 'a3', amount: '200.00' }),
    // a4: direct: 250.
    payment(at(15), { id: 'pay5', accountId: 'a4', amount: '250.00' }),
    // a5: sourced by p3 (50), then a dispute gives it to p1 from day 60 (150).
    attribution(at(3), { id: 'a5-1', accountId: 'a5', sourced: 'p3' }),
    payment(at(4), { id: 'pay6', accountId: 'a5', amount: '50.00' }),
    attribution(at(60), {
      id: 'a5-2',
      accountId: 'a5',
      sourced: 'p1',
      rule: 'attribution.dispute_resolution',
    }),
    payment(at(70), { id: 'pay7', accountId: 'a5', amount: '150.00' }),
    // a6: decided for p2 at day 10, then a back-dated fact makes the ledger decide p3 as of day 8,
    // recorded later: the later decision is in force for the payment of day 12 (p3, 100).
    attribution(at(10), { id: 'a6-1', accountId: 'a6', sourced: 'p2' }),
    attribution(at(8), { id: 'a6-2', accountId: 'a6', sourced: 'p3' }),
    payment(at(12), { id: 'pay10', accountId: 'a6', amount: '100.00' }),
    // a7: EUR, sourced by p2: 80 EUR.
    attribution(at(1), { id: 'a7-1', accountId: 'a7', sourced: 'p2' }),
    payment(at(20), { id: 'pay9', accountId: 'a7', amount: '80.00', currency: 'EUR' }),

    // Opportunities closed in the window: won o1 (sourced), o2 (direct), o6 (influenced), o7 (direct:
    // the touchpoint came after the win); lost o3 (direct), o4 (involved by a demo), o5 (sourced).
    opened(at(1), { id: 'o1', accountId: 'a1', amount: '5000.00' }),
    won(at(20), { id: 'o1', accountId: 'a1' }),
    opened(at(2), { id: 'o2', accountId: 'a4', amount: '1000.00' }),
    won(at(25), { id: 'o2', accountId: 'a4' }),
    opened(at(3), { id: 'o3', accountId: 'a4', amount: '800.00' }),
    lost(at(26), { id: 'o3', accountId: 'a4' }),
    touchpoint(at(5), { id: 't8', partnerId: 'p3', accountId: 'a8', kind: 'demo' }),
    opened(at(4), { id: 'o4', accountId: 'a8', amount: '600.00' }),
    lost(at(27), { id: 'o4', accountId: 'a8' }),
    opened(at(6), { id: 'o5', accountId: 'a2', amount: '2000.00' }),
    lost(at(28), { id: 'o5', accountId: 'a2' }),
    opened(at(7), { id: 'o6', accountId: 'a3', amount: '900.00' }),
    won(at(29), { id: 'o6', accountId: 'a3' }),
    opened(at(8), { id: 'o7', accountId: 'a9', amount: '400.00' }),
    won(at(40), { id: 'o7', accountId: 'a9' }),
    touchpoint(at(50), { id: 't9', partnerId: 'p1', accountId: 'a9' }),
    // Open at the window's end: o8 (won only on day 95) and o9 on sourced accounts, o12 in EUR;
    // o10 (direct) and o11 (influenced only) are not sourced; o13 opens after the window.
    opened(at(1), { id: 'o8', accountId: 'a1', amount: '3000.00' }),
    won(at(95), { id: 'o8', accountId: 'a1' }),
    opened(at(60), { id: 'o9', accountId: 'a2', amount: '1200.00' }),
    opened(at(61), { id: 'o10', accountId: 'a4', amount: '700.00' }),
    opened(at(62), { id: 'o11', accountId: 'a3', amount: '100.00' }),
    opened(at(63), { id: 'o12', accountId: 'a7', amount: '450.00', currency: 'EUR' }),
    opened(at(91), { id: 'o13', accountId: 'a1', amount: '500.00' }),
  ];
}

describe.each(readModelDatabases())('pipeline metrics on $name', (database) => {
  let rm: ReadModelDb;

  beforeAll(async () => {
    rm = await database.open();
    await rm.project([pipelineMetricsProjection], projectedLog(history()));
  });

  afterAll(async () => {
    await rm.destroy();
    await database.shutdown();
  });

  it('splits net revenue of the window by the attribution in force at each payment', async () => {
    const metrics = await readPipelineMetrics(rm.db, rm.schema, { from: at(0), to: at(90) });

    // USD: 1000 + 500 + 300 + 200 + 250 + 50 + 150 + 100 − 100 = 2450; sourced p1 1550, p2 300, p3 150.
    expect(metrics.totalRevenue).toEqual({ EUR: '80.00', USD: '2450.00' });
    expect(metrics.partnerSourcedRevenue).toEqual({ EUR: '80.00', USD: '2000.00' });
    expect(metrics.partnerInfluencedRevenue).toEqual({ EUR: '0.00', USD: '200.00' });
  });

  it('averages sourced revenue over the partners that sourced a payment, and measures the top decile', async () => {
    const metrics = await readPipelineMetrics(rm.db, rm.schema, { from: at(0), to: at(90) });

    // 2000 / 3 = 666.666… → 666.67; the top ⌈3 × 10%⌉ = 1 partner (p1, 1550) holds 1550 / 2000.
    expect(metrics.averageRevenuePerActivePartner).toEqual({ EUR: '80.00', USD: '666.67' });
    expect(metrics.topDecileRevenueShare).toEqual({ EUR: 1, USD: 0.775 });
  });

  it('measures attach rate and win rates over opportunities closed in the window', async () => {
    const metrics = await readPipelineMetrics(rm.db, rm.schema, { from: at(0), to: at(90) });

    expect(metrics.attachRate).toBe(0.5); // o1, o6 of o1, o2, o6, o7
    expect(metrics.sourcedWinRate).toBe(0.5); // o1 won, o5 lost
    expect(metrics.directWinRate).toBe(0.6667); // o2, o7 won, o3 lost
  });

  it('measures sourced pipeline as the opportunities still open at the end of the window', async () => {
    const metrics = await readPipelineMetrics(rm.db, rm.schema, { from: at(0), to: at(90) });

    expect(metrics.sourcedPipeline).toEqual({ EUR: '450.00', USD: '4200.00' }); // o8 3000 + o9 1200
  });

  it('without a window, counts all revenue and the pipeline open now', async () => {
    const metrics = await readPipelineMetrics(rm.db, rm.schema, {});

    // + 999 − 50 sourced by p1, + 77 direct (before any attribution).
    expect(metrics.totalRevenue.USD).toBe('3476.00');
    expect(metrics.partnerSourcedRevenue.USD).toBe('2949.00');
    expect(metrics.sourcedPipeline).toEqual({ EUR: '450.00', USD: '1700.00' }); // o9 1200 + o13 500
    expect(metrics.attachRate).toBe(0.6); // o8 (sourced) is won too: 3 of 5
  });

  it('answers with empty maps and null rates for a window with nothing in it', async () => {
    const metrics = await readPipelineMetrics(rm.db, rm.schema, { from: at(200), to: at(300) });

    expect(metrics).toMatchObject({
      totalRevenue: {},
      partnerSourcedRevenue: {},
      averageRevenuePerActivePartner: {},
      topDecileRevenueShare: {},
      attachRate: null,
      sourcedWinRate: null,
      directWinRate: null,
    });
  });
});
