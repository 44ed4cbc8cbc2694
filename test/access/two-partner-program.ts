import request from 'supertest';
import type { EventStore } from '@ledger/event-store/port';
import { untilLogShowsAll } from '../hostile/stored-events';

/** The partner whose key the access specs hold, and the other partner whose data it must not see. */
export const OWN_PARTNER = 'p_acme';
export const OTHER_PARTNER = 'p_globex';
export const OWN_ACCOUNT = 'acc_acme_1';
export const OTHER_ACCOUNT = 'acc_globex_1';
export const PAYOUT_RUN = 'run_access_2026_04';
export const payoutOf = (partnerId: string) => `${PAYOUT_RUN}:${partnerId}:USD`;

/**
 * A small programme with something of each partner's in every read model: both partners source a
 * paying account, the other partner protects its account and is partly refunded, and a payout run
 * pays both. Sent through HTTP with the given keys, as a real client would.
 */
export async function runTwoPartnerProgram(
  server: Parameters<typeof request>[0],
  keys: { ingest: string; manager: string; finance: string },
  store: EventStore,
): Promise<void> {
  const send = async (key: string, path: string, body: object) => {
    const answer = await request(server)
      .post(path)
      .set('Authorization', `Bearer ${key}`)
      .send(body);
    if (answer.status !== 201) throw new Error(`${path} answered ${answer.status}: ${answer.text}`);
    return answer.body as Record<string, unknown>;
  };

  const partners = [
    { partnerId: OWN_PARTNER, tier: 'referral', accountId: OWN_ACCOUNT },
    { partnerId: OTHER_PARTNER, tier: 'solution', accountId: OTHER_ACCOUNT },
  ];
  for (const { partnerId, tier, accountId } of partners) {
    await send(keys.manager, '/v1/partners', {
      partnerId,
      name: `${partnerId} Ltd`,
      tier,
      enrolledAt: '2026-01-02T00:00:00Z',
    });
    await send(keys.ingest, '/v1/accounts', { accountId, createdInCrmAt: '2026-01-03T00:00:00Z' });
    await send(keys.ingest, '/v1/touchpoints', {
      touchpointId: `tp_${accountId}`,
      partnerId,
      accountId,
      kind: 'coupon',
      occurredAt: '2026-01-04T00:00:00Z',
    });
    await send(keys.ingest, '/v1/signups', { accountId, occurredAt: '2026-01-05T00:00:00Z' });
    await send(keys.ingest, '/v1/payments', {
      paymentId: `pay_${accountId}`,
      accountId,
      amount: '5000.00',
      currency: 'USD',
      revenueModel: 'monthly_subscription',
      occurredAt: '2026-01-10T00:00:00Z',
    });
  }
  await send(keys.manager, `/v1/partners/${OTHER_PARTNER}/protected-accounts`, {
    submissionId: 'sub_globex_q1',
    quarter: '2026-Q1',
    accountIds: [OTHER_ACCOUNT],
    submittedAt: '2026-01-06T00:00:00Z',
  });
  await send(keys.ingest, '/v1/refunds', {
    refundId: `ref_${OTHER_ACCOUNT}`,
    paymentId: `pay_${OTHER_ACCOUNT}`,
    amount: '1000.00',
    occurredAt: '2026-01-20T00:00:00Z',
  });
  // A run pays what the log shows when it starts: everything above must show first.
  await untilLogShowsAll(store);
  const run = await send(keys.finance, '/v1/payout-runs', {
    runId: PAYOUT_RUN,
    asOf: '2026-04-01T00:00:00Z',
    minimumPayout: '1.00',
  });
  const paid = (run.payouts as { payoutId: string }[]).map((p) => p.payoutId).sort();
  const expected = [payoutOf(OWN_PARTNER), payoutOf(OTHER_PARTNER)].sort();
  if (JSON.stringify(paid) !== JSON.stringify(expected))
    throw new Error(`the payout run paid ${JSON.stringify(paid)}, not ${JSON.stringify(expected)}`);
  // The feed reads the log: the run's own events must show too.
  await untilLogShowsAll(store);
}
