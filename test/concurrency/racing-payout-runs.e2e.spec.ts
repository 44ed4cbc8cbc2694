import Decimal from 'decimal.js';
import type { PayoutIssued } from '@ledger/domain/payouts';
import { KEYS, startListeningApi, type ListeningApi } from './support/listening-api';
import { httpPost } from './support/http-post';

const PARTNERS = 12;
const ROUNDS = 3;

interface Payout {
  payoutId: string;
  partnerId: string;
  currency: string;
  amount: string;
}

/** Partner `i`'s payment of round `r`: integration tier, so it earns 20 %, payable next month. */
function paymentOf(i: number, r: number) {
  return {
    paymentId: `pay_r${r}_p${i}`,
    accountId: `acc_race_${i}`,
    amount: new Decimal(500 + 10 * i + r).toFixed(2),
    currency: 'USD',
    revenueModel: 'monthly_subscription',
    occurredAt: `2026-02-${String(1 + r).padStart(2, '0')}T10:00:00Z`,
  };
}

/**
 * SPEC §4: a commission is paid at most once, whatever concurrent runs happen. In each round every
 * partner earns something new, then two payout runs with different run ids start at the same
 * instant; whichever wins a partner pays it, the other finds the items settled. Over all rounds each
 * partner is paid exactly what it earned, every item sits in one payout, and each run's answer
 * names exactly the payouts it recorded.
 */
describe('two payout runs started at once', () => {
  let api: ListeningApi;
  const paid: Payout[] = [];

  beforeAll(async () => {
    api = await startListeningApi();
    for (let i = 0; i < PARTNERS; i++) {
      const enrolled = await httpPost(api.baseUrl, '/v1/partners', KEYS.manager, {
        partnerId: `p_race_${i}`,
        name: `Racer ${i}`,
        tier: 'integration',
        enrolledAt: '2026-01-01T00:00:00Z',
      });
      const introduced = await httpPost(api.baseUrl, '/v1/touchpoints', KEYS.ingest, {
        touchpointId: `tp_race_${i}`,
        partnerId: `p_race_${i}`,
        accountId: `acc_race_${i}`,
        kind: 'coupon',
        occurredAt: '2026-01-10T00:00:00Z',
      });
      expect([enrolled.status, introduced.status]).toEqual([201, 201]);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each(Array.from({ length: ROUNDS }, (_, r) => r))(
    'round %i pays every partner once',
    async (r) => {
      for (let i = 0; i < PARTNERS; i++) {
        const payment = await httpPost(api.baseUrl, '/v1/payments', KEYS.ingest, paymentOf(i, r));
        expect(payment.status).toBe(201);
      }
      for (let i = 0; i < PARTNERS; i++) await api.applied(`account-acc_race_${i}`);

      const runs = await Promise.all(
        ['a', 'b'].map((side) =>
          httpPost(api.baseUrl, '/v1/payout-runs', KEYS.finance, {
            runId: `race_${r}_${side}`,
            asOf: '2026-04-01T00:00:00Z',
          }),
        ),
      );
      expect(runs.map((run) => [run.status, run.status === 201 ? '' : run.text])).toEqual([
        [201, ''],
        [201, ''],
      ]);
      const round = runs.flatMap((run) => run.body.payouts as Payout[]);
      paid.push(...round);
      // This round's money, once: each partner's new commission, in one of the two runs.
      expect(round.map((p) => p.partnerId).sort()).toEqual(
        Array.from({ length: PARTNERS }, (_, i) => `p_race_${i}`).sort(),
      );
      for (const payout of round) {
        const i = Number(payout.partnerId.slice('p_race_'.length));
        expect([payout.partnerId, payout.amount]).toEqual([
          payout.partnerId,
          new Decimal(paymentOf(i, r).amount).times('0.2').toFixed(2),
        ]);
      }
    },
  );

  it('never puts an item in two payouts, and each run answered what it recorded', async () => {
    const issued: PayoutIssued['data'][] = [];
    for (let i = 0; i < PARTNERS; i++) {
      for (const event of await api.store.readStream(`payouts-p_race_${i}`))
        if (event.type === 'PayoutIssued')
          issued.push(event.data as unknown as PayoutIssued['data']);
    }
    const itemIds = issued.flatMap((p) => p.lines.map((l) => `${p.partnerId}/${l.itemId}`));
    expect(itemIds).toHaveLength(PARTNERS * ROUNDS);
    expect(new Set(itemIds).size).toBe(itemIds.length);
    expect(issued.map((p) => `${p.payoutId}=${p.amount}`).sort()).toEqual(
      paid.map((p) => `${p.payoutId}=${p.amount}`).sort(),
    );
    const races = new Set(issued.map((p) => p.runId));
    process.stdout.write(
      `[concurrency] ${issued.length} payouts over ${ROUNDS} rounds of 2 racing runs; runs that paid someone: ${[...races].sort().join(', ')}\n`,
    );
  });
});
