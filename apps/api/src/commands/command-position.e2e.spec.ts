import { KEYS, startTestApi, type TestApi } from '../../../../test/support/test-api';

const POSITION = /^\d+:\d+$/;

/**
 * Read-your-writes through HTTP: every command answer names the position of its last event (body
 * `position` and `Ledger-Position` header), a re-delivery answers the same bytes, and a query that
 * waits for that position sees the write.
 */
describe('command answers carry their position in the log', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  async function positionOfLastEvent(streamId: string): Promise<string> {
    const [last] = (await api.store.readStream(streamId)).slice(-1);
    return `${last!.transactionId}:${last!.globalPosition}`;
  }

  it('answers the position of the last event, in the body and the Ledger-Position header', async () => {
    const answer = await api.post('/v1/partners', KEYS.manager, {
      partnerId: 'p_pos',
      name: 'Position Co',
      tier: 'integration',
      enrolledAt: '2026-01-01T00:00:00Z',
    });
    expect(answer.status).toBe(201);
    expect(answer.body.position).toMatch(POSITION);
    expect(answer.body.position).toBe(await positionOfLastEvent('partner-p_pos'));
    expect(answer.headers['ledger-position']).toBe(answer.body.position);
    expect(Object.keys(answer.body).slice(0, 3)).toEqual(['status', 'eventIds', 'position']);
  });

  it('answers a duplicate delivery byte for byte as the first, position included', async () => {
    const body = {
      touchpointId: 'tp_pos',
      partnerId: 'p_pos',
      accountId: 'acc_pos',
      kind: 'coupon',
      occurredAt: '2026-01-10T00:00:00Z',
    };
    const first = await api.post('/v1/touchpoints', KEYS.ingest, body);
    expect(first.status).toBe(201);
    // Another write in between: the duplicate must name its own events' position, not the head.
    await api.post('/v1/signups', KEYS.ingest, {
      accountId: 'acc_pos',
      occurredAt: '2026-01-11T00:00:00Z',
    });
    const again = await api.post('/v1/touchpoints', KEYS.ingest, body);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers['ledger-position']).toBe(first.body.position);
  });

  it('lets a query wait for the position, so it reads the write it follows', async () => {
    const payment = await api.post('/v1/payments', KEYS.ingest, {
      paymentId: 'pay_pos',
      accountId: 'acc_pos',
      amount: '1000.00',
      currency: 'USD',
      revenueModel: 'monthly_subscription',
      occurredAt: '2026-02-05T10:00:00Z',
    });
    expect(payment.status).toBe(201);
    const balance = await api.get(
      `/v1/partners/p_pos/balance?waitFor=${payment.headers['ledger-position'] as string}`,
      KEYS.finance,
    );
    expect(balance.status).toBe(200);
    expect(balance.body.balances).toEqual([
      expect.objectContaining({ currency: 'USD', earned: '200.00', paid: '0.00' }),
    ]);
  });

  it('gives each batch result its own position, and the batch the latest of them', async () => {
    const batch = await api.post('/v1/batch', KEYS.ingest, {
      commands: [
        { path: '/v1/signups', body: { accountId: 'acc_b1', occurredAt: '2026-03-01T00:00:00Z' } },
        { path: '/v1/signups', body: { accountId: 'acc_b2', occurredAt: '2026-03-01T00:00:00Z' } },
        { path: '/v1/nowhere', body: {} },
      ],
    });
    expect(batch.status).toBe(200);
    const [b1, b2, failed] = batch.body.results as {
      status: number;
      body: { position?: string };
    }[];
    expect([b1!.status, b2!.status, failed!.status]).toEqual([201, 201, 404]);
    expect(b1!.body.position).toBe(await positionOfLastEvent('account-acc_b1'));
    expect(b2!.body.position).toBe(await positionOfLastEvent('account-acc_b2'));
    expect(failed!.body.position).toBeUndefined();
    expect(batch.headers['ledger-position']).toBe(b2!.body.position);
  });

  it('sets no position on answers that record nothing, nor on queries', async () => {
    const refused = await api.post('/v1/partners/p_unknown/onboarded', KEYS.manager, {
      occurredAt: '2026-02-01T00:00:00Z',
    });
    expect(refused.status).toBe(404);
    expect(refused.headers['ledger-position']).toBeUndefined();
    const query = await api.get('/v1/partners/p_pos/balance', KEYS.finance);
    expect(query.headers['ledger-position']).toBeUndefined();
  });
});
