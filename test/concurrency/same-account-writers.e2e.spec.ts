import { Agent } from 'node:http';
import Decimal from 'decimal.js';
import { KEYS, startListeningApi, type ListeningApi } from './support/listening-api';
import { httpGet, httpPost, type HttpAnswer } from './support/http-post';

const WRITERS = 16;
/** Payments per writer; each is followed by a refund of half of it. */
const PAYMENTS_PER_WRITER = 4;
/** Integration tier: 20 % of every payment (SPEC §4), so every expected amount is exact. */
const RATE = new Decimal('0.2');

interface Write {
  path: string;
  body: Record<string, string>;
  commandId: string;
}

/** Writer `w`'s commands, in its own order: a payment, then a refund of half of it, and so on. */
function writesOf(w: number): Write[] {
  return Array.from({ length: PAYMENTS_PER_WRITER }, (_, k): Write[] => {
    const paymentId = `pay_w${w}_${k}`;
    const amount = new Decimal(100 + 10 * w + k);
    return [
      {
        path: '/v1/payments',
        commandId: `RecordPayment:${paymentId}`,
        body: {
          paymentId,
          accountId: 'acc_busy',
          amount: amount.toFixed(2),
          currency: 'USD',
          revenueModel: 'monthly_subscription',
          occurredAt: `2026-02-${String(1 + k).padStart(2, '0')}T${String(w).padStart(2, '0')}:00:00Z`,
        },
      },
      {
        path: '/v1/refunds',
        commandId: `RecordRefund:ref_w${w}_${k}`,
        body: {
          refundId: `ref_w${w}_${k}`,
          paymentId,
          amount: amount.div(2).toFixed(2),
          occurredAt: `2026-02-${String(10 + k).padStart(2, '0')}T${String(w).padStart(2, '0')}:00:00Z`,
        },
      },
    ];
  }).flat();
}

/**
 * No lost update (SPEC §2: optimistic concurrency on the stream revision): 16 writers on 16
 * connections record payments and refunds on ONE account at the same time. A writer whose command
 * lost the race more times than the server retries is told 409 "Concurrent change" and sends the
 * same command again, as a client should. Afterwards every write is in the stream exactly once,
 * revisions have no gap, hashes chain, and the partner's balance is exactly the sum of the writes.
 */
describe('16 writers on the same account', () => {
  let api: ListeningApi;
  const answers = new Map<string, HttpAnswer>();
  let conflictsRetried = 0;

  beforeAll(async () => {
    api = await startListeningApi();
    const ok = async (path: string, key: string, body: object) =>
      expect((await httpPost(api.baseUrl, path, key, body)).status).toBe(201);
    await ok('/v1/partners', KEYS.manager, {
      partnerId: 'p_busy',
      name: 'Busy Co',
      tier: 'integration',
      enrolledAt: '2026-01-01T00:00:00Z',
    });
    await ok('/v1/touchpoints', KEYS.ingest, {
      touchpointId: 'tp_busy',
      partnerId: 'p_busy',
      accountId: 'acc_busy',
      kind: 'coupon',
      occurredAt: '2026-01-10T00:00:00Z',
    });

    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const connection = new Agent({ keepAlive: true, maxSockets: 1 });
        try {
          for (const write of writesOf(w)) {
            for (let attempt = 1; ; attempt++) {
              const answer = await httpPost(
                api.baseUrl,
                write.path,
                KEYS.ingest,
                write.body,
                connection,
              );
              if (
                answer.status === 409 &&
                answer.body.title === 'Concurrent change' &&
                attempt < 20
              ) {
                conflictsRetried++;
                continue;
              }
              answers.set(write.commandId, answer);
              break;
            }
          }
        } finally {
          connection.destroy();
        }
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  const allWrites = Array.from({ length: WRITERS }, (_, w) => writesOf(w)).flat();

  it('accepts every write', () => {
    const refused = allWrites
      .map((write) => [write.commandId, answers.get(write.commandId)] as const)
      .filter(([, answer]) => answer?.status !== 201)
      .map(([id, answer]) => `${id}: ${answer?.status} ${answer?.text}`);
    expect(refused).toEqual([]);
    process.stdout.write(
      `[concurrency] ${allWrites.length} writes by ${WRITERS} writers, ${conflictsRetried} resent after 409\n`,
    );
  });

  it('keeps every write exactly once, in a gap-free, hash-chained stream', async () => {
    for (const write of allWrites) {
      const recorded = await api.recordedBy(write.commandId);
      expect([write.commandId, recorded]).toEqual([
        write.commandId,
        { eventIds: answers.get(write.commandId)!.body.eventIds, commandRecords: 1 },
      ]);
    }
    const stream = await api.store.readStream('account-acc_busy');
    expect(stream.map((e) => e.streamRevision)).toEqual(stream.map((_, i) => i));
    // The writers really raced: their commands reached the stream interleaved, not one after another.
    const writerOrder = stream
      .map((e) => /_w(\d+)_/.exec(String(e.metadata.commandId))?.[1])
      .filter((w): w is string => w !== undefined)
      .filter((w, i, all) => i === 0 || all[i - 1] !== w);
    expect(writerOrder.length).toBeGreaterThan(WRITERS * 2);
    const types = stream.map((e) => e.type);
    expect(types.filter((t) => t === 'PaymentRecorded')).toHaveLength(
      WRITERS * PAYMENTS_PER_WRITER,
    );
    expect(types.filter((t) => t === 'CommissionEarned')).toHaveLength(
      WRITERS * PAYMENTS_PER_WRITER,
    );
    expect(types.filter((t) => t === 'CommissionReversed')).toHaveLength(
      WRITERS * PAYMENTS_PER_WRITER,
    );
    const integrity = await api.store.verifyIntegrity();
    expect(integrity.problems).toEqual([]);
  });

  it("answers the partner's balance as the exact sum of the writes", async () => {
    await api.applied('account-acc_busy');
    let paid = new Decimal(0);
    let refunded = new Decimal(0);
    for (const write of allWrites) {
      if (write.path === '/v1/payments') paid = paid.plus(write.body.amount!);
      else refunded = refunded.plus(write.body.amount!);
    }
    const answer = await httpGet(
      api.baseUrl,
      '/v1/partners/p_busy/balance?asOf=2026-12-31T00:00:00Z',
      KEYS.manager,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.balances).toEqual([
      expect.objectContaining({
        currency: 'USD',
        earned: paid.times(RATE).toFixed(2),
        reversed: refunded.times(RATE).toFixed(2),
        clawedBack: '0.00',
        balance: paid.minus(refunded).times(RATE).toFixed(2),
      }),
    ]);
  });
});
