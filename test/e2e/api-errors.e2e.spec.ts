import { readYourWritesTarget } from '@ledger/core';
import request from 'supertest';
import { KEYS, startTestApi, type TestApi } from '../support/test-api';

/**
 * Every error class of the API, answered as application/problem+json, each proving that nothing
 * was appended; plus the batch, health and docs endpoints.
 */
describe('errors, batches, health and docs through the HTTP API', () => {
  let api: TestApi;
  const payment = {
    paymentId: 'pay_e1',
    accountId: 'acc_e1',
    amount: '100.00',
    currency: 'USD',
    revenueModel: 'usage',
    occurredAt: '2026-02-01T10:00:00Z',
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api
      .post('/v1/partners', KEYS.manager, {
        partnerId: 'p_acme',
        name: 'Acme',
        tier: 'solution',
        enrolledAt: '2026-01-01T00:00:00Z',
      })
      .expect(201);
    await api.post('/v1/payments', KEYS.ingest, payment).expect(201);
  });

  afterAll(async () => {
    await api?.close();
  });

  /**
   * The last committed event as `tx:position`. Not the visible head: on a shared PostgreSQL an earlier
   * write of this spec can become visible while `send` runs, which would look like an append.
   */
  async function committedHead(): Promise<string> {
    const c = await readYourWritesTarget(api.store);
    return `${c.transactionId}:${c.globalPosition}`;
  }

  /** Runs `send` and asserts nothing was committed meanwhile. */
  async function appendsNothing(send: () => Promise<request.Response>): Promise<request.Response> {
    const before = await committedHead();
    const response = await send();
    expect(await committedHead()).toEqual(before);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual(
      expect.objectContaining({
        type: expect.any(String),
        title: expect.any(String),
        status: response.status,
        detail: expect.any(String),
        errors: expect.any(Array),
      }),
    );
    return response;
  }

  it('400: names each invalid field, money sent as a JSON number included', async () => {
    const response = await appendsNothing(() =>
      api.post('/v1/payments', KEYS.ingest, {
        ...payment,
        paymentId: 'pay_e2',
        amount: 100.5,
        currency: 'usd',
        occurredAt: '2026-02-30T10:00:00Z',
        color: 'red',
      }),
    );
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['amount', 'color', 'currency', 'occurredAt']);
  });

  it('400: a body that is not JSON, with no stack or parser internals in the answer', async () => {
    const response = await appendsNothing(() =>
      request(api.app.getHttpServer())
        .post('/v1/payments')
        .set('Authorization', `Bearer ${KEYS.ingest}`)
        .set('Content-Type', 'application/json')
        .send('{"paymentId": '),
    );
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('urn:ledger:problem:malformed-json');
    expect(response.text).not.toMatch(/SyntaxError|at .*\.js/);
  });

  it('413: a command body over 1 MB', async () => {
    const response = await appendsNothing(() =>
      api.post('/v1/payments', KEYS.ingest, { ...payment, padding: 'x'.repeat(1_100_000) }),
    );
    expect(response.status).toBe(413);
  });

  it('401: no key, or a key nobody configured', async () => {
    const missing = await appendsNothing(() =>
      request(api.app.getHttpServer()).post('/v1/payments').send(payment),
    );
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    const unknown = await appendsNothing(() =>
      api.post('/v1/payments', 'not-a-configured-key', payment),
    );
    expect(unknown.status).toBe(401);
  });

  it("403: a role the route does not admit, and another partner's data", async () => {
    const ingestEnrolling = await appendsNothing(() =>
      api.post('/v1/partners', KEYS.ingest, {
        partnerId: 'p_x',
        name: 'X',
        tier: 'referral',
        enrolledAt: '2026-01-01T00:00:00Z',
      }),
    );
    expect(ingestEnrolling.status).toBe(403);
    const partnerReadingTimeline = await api.get('/v1/accounts/acc_e1/timeline', KEYS.partnerAcme);
    expect(partnerReadingTimeline.status).toBe(403);
  });

  it('404: an unknown payment, with the refusal code', async () => {
    const response = await appendsNothing(() =>
      api.post('/v1/refunds', KEYS.ingest, {
        refundId: 'ref_e1',
        paymentId: 'pay_missing',
        amount: '1.00',
        occurredAt: '2026-02-02T10:00:00Z',
      }),
    );
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      code: 'payment.not_found',
      errors: [{ field: 'paymentId' }],
    });
    expect((await api.get('/v1/accounts/acc_nobody/timeline', KEYS.manager)).status).toBe(404);
  });

  it('409: the same command id with another body', async () => {
    const response = await appendsNothing(() =>
      api.post('/v1/payments', KEYS.ingest, { ...payment, amount: '999.00' }),
    );
    expect(response.status).toBe(409);
  });

  it('422: a business-rule refusal carries its code', async () => {
    const response = await appendsNothing(() =>
      api.post('/v1/refunds', KEYS.ingest, {
        refundId: 'ref_e2',
        paymentId: 'pay_e1',
        amount: '150.00',
        occurredAt: '2026-02-02T10:00:00Z',
      }),
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'refund.exceeds_payment',
      errors: [{ field: 'amount' }],
    });
  });

  it('applies a batch in order; a bad command in the middle gets its own 400 and the others apply', async () => {
    const response = await api.post('/v1/batch', KEYS.ingest, {
      commands: [
        {
          path: '/v1/accounts',
          body: { accountId: 'acc_b1', createdInCrmAt: '2026-03-01T10:00:00Z' },
        },
        {
          path: '/v1/payments',
          body: { ...payment, paymentId: 'pay_b1', accountId: 'acc_b1', amount: 12.5 },
        },
        { path: '/v1/signups', body: { accountId: 'acc_b1', occurredAt: '2026-03-02T10:00:00Z' } },
        {
          path: '/v1/partners',
          body: {
            partnerId: 'p_b',
            name: 'B',
            tier: 'referral',
            enrolledAt: '2026-01-01T00:00:00Z',
          },
        },
        { path: '/v1/nowhere', body: {} },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: { status: number }) => r.status)).toEqual([
      201, 400, 201, 403, 404,
    ]);
    expect(response.body.results[1].body.errors).toEqual([
      { field: 'amount', message: expect.any(String) },
    ]);
    const types = (await api.store.readStream('account-acc_b1')).map((e) => e.type);
    expect(types).toContain('AccountCreatedInCrm');
    expect(types).toContain('SignupRecorded');
    expect(types).not.toContain('PaymentRecorded');
  });

  it('accepts a batch body over 1 MB (up to 5 MB) but validates each command', async () => {
    const commands = Array.from({ length: 600 }, (_, i) => ({
      path: '/v1/signups',
      body: {
        accountId: `acc_big_${i}`,
        occurredAt: '2026-03-02T10:00:00Z',
        note: 'x'.repeat(2000),
      },
    }));
    const response = await appendsNothingOk(() => api.post('/v1/batch', KEYS.ingest, { commands }));
    expect(response.status).toBe(200);
    expect(response.body.results).toHaveLength(600);
    expect(response.body.results.every((r: { status: number }) => r.status === 400)).toBe(true);
  });

  it('passes the correlation id through to the events and records an actor that is not the key', async () => {
    const response = await request(api.app.getHttpServer())
      .post('/v1/signups')
      .set('Authorization', `Bearer ${KEYS.ingest}`)
      .set('x-correlation-id', 'trace-e2e-1')
      .send({ accountId: 'acc_corr', occurredAt: '2026-03-02T10:00:00Z' });
    expect(response.status).toBe(201);
    expect(response.headers['x-correlation-id']).toBe('trace-e2e-1');
    const [event] = await api.store.readStream('account-acc_corr');
    expect(event!.metadata.correlationId).toBe('trace-e2e-1');
    expect(event!.metadata.actor).toMatch(/^api:ingest@[0-9a-f]{12}$/);
    expect(
      JSON.stringify(event, (_key, value) =>
        typeof value === 'bigint' ? value.toString() : value,
      ),
    ).not.toContain(KEYS.ingest);
  });

  it('answers /health and /docs-json without a key', async () => {
    const health = await request(api.app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      store: { name: api.storeName, reachable: true },
      projections: { head: expect.stringMatching(/^\d+:\d+$/) },
    });

    const docs = await request(api.app.getHttpServer()).get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/v1/payments', '/v1/batch', '/v1/partners/{id}/tier']),
    );
    expect(docs.body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(docs.body.components.schemas.RecordPaymentRequest.properties.amount.example).toBe(
      '1200.00',
    );
  });

  /** Like {@link appendsNothing}, for answers that are not problems. */
  async function appendsNothingOk(
    send: () => Promise<request.Response>,
  ): Promise<request.Response> {
    const before = await committedHead();
    const response = await send();
    expect(await committedHead()).toEqual(before);
    return response;
  }
});
