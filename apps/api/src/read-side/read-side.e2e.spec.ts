import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import request from 'supertest';
import { EVENT_STORE } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import { formatPositionToken } from '@ledger/projections/runner/checkpoint';
import { createTestLedger, type TestLedger } from '../../../../test/support/test-store';
import { ApiModule } from '../app.module';
import { jsonBody } from '../http/json-body.middleware';
import { ReadSideModule } from './read-side.module';

const KEYS = {
  ingest: 'rs-ingest',
  manager: 'rs-manager',
  finance: 'rs-finance',
  acme: 'rs-partner-acme',
  other: 'rs-partner-other',
};

/**
 * The money read side through HTTP on whichever store the environment selects: commands go in,
 * the projections run inside the API process, and the balance, commission and clawback queries
 * answer from them, with read-your-writes, point-in-time, validation and partner scoping.
 */
describe('money read side through HTTP', () => {
  let ledger: TestLedger;
  let app: INestApplication;
  let store: EventStore;
  const post = (path: string, key: string, body: object) =>
    request(app.getHttpServer()).post(path).set('Authorization', `Bearer ${key}`).send(body);
  const get = (path: string, key: string) =>
    request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${key}`);
  /**
   * The position of the last write to the account, as a command's answer will carry it. Read from the
   * stream, not the head: on a shared PostgreSQL another transaction may hold back what readers see.
   */
  const headToken = async () =>
    formatPositionToken((await store.readStream('account-acc_1')).at(-1)!);

  beforeAll(async () => {
    ledger = await createTestLedger([
      { key: KEYS.ingest, role: 'ingest' },
      { key: KEYS.manager, role: 'manager' },
      { key: KEYS.finance, role: 'finance' },
      { key: KEYS.acme, role: 'partner:p_acme' },
      { key: KEYS.other, role: 'partner:p_other' },
    ]);
    @Module({ imports: [ApiModule.forRoot(ledger.config), ReadSideModule.forRoot()] })
    class TestAppModule {}
    app = await NestFactory.create(TestAppModule, { bodyParser: false, logger: false });
    app.use(jsonBody('1mb'));
    await app.init();
    store = app.get<EventStore>(EVENT_STORE);

    const commands: [string, string, object][] = [
      [
        '/v1/partners',
        KEYS.manager,
        {
          partnerId: 'p_acme',
          name: 'Acme',
          tier: 'integration',
          enrolledAt: '2026-01-01T00:00:00Z',
        },
      ],
      [
        '/v1/partners',
        KEYS.manager,
        {
          partnerId: 'p_other',
          name: 'Other',
          tier: 'referral',
          enrolledAt: '2026-01-01T00:00:00Z',
        },
      ],
      [
        '/v1/touchpoints',
        KEYS.ingest,
        {
          touchpointId: 'tp_1',
          partnerId: 'p_acme',
          accountId: 'acc_1',
          kind: 'coupon',
          occurredAt: '2026-02-01T10:00:00Z',
        },
      ],
      ['/v1/signups', KEYS.ingest, { accountId: 'acc_1', occurredAt: '2026-02-02T10:00:00Z' }],
      [
        '/v1/payments',
        KEYS.ingest,
        {
          paymentId: 'pay_1',
          accountId: 'acc_1',
          amount: '1000.00',
          currency: 'USD',
          revenueModel: 'monthly_subscription',
          occurredAt: '2026-02-05T10:00:00Z',
        },
      ],
      [
        '/v1/payments',
        KEYS.ingest,
        {
          paymentId: 'pay_2',
          accountId: 'acc_1',
          amount: '500.00',
          currency: 'USD',
          revenueModel: 'monthly_subscription',
          occurredAt: '2026-03-05T10:00:00Z',
        },
      ],
    ];
    for (const [path, key, body] of commands)
      expect((await post(path, key, body)).status).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    if (ledger?.config.databaseUrl)
      await dropReadSchema(ledger.config.databaseUrl, `${ledger.config.schema}_read`);
    await ledger?.destroy();
  });

  it('reads its own writes: a balance with waitFor reflects the payments just recorded', async () => {
    const answer = await get(
      `/v1/partners/p_acme/balance?asOf=2026-03-15T00:00:00Z&waitFor=${await headToken()}`,
      KEYS.finance,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      partnerId: 'p_acme',
      asOf: '2026-03-15T00:00:00.000Z',
      knownAt: expect.stringMatching(/^\d{4}-.*Z$/),
      balances: [
        {
          currency: 'USD',
          earned: '300.00',
          reversed: '0.00',
          clawedBack: '0.00',
          held: '0.00',
          payable: '200.00',
          paid: '0.00',
          balance: '300.00',
        },
      ],
    });
  });

  it('reproduces a statement by its knownAt after a back-dated refund arrives', async () => {
    const before = await get(
      `/v1/partners/p_acme/balance?asOf=2026-06-01T00:00:00Z&waitFor=${await headToken()}`,
      KEYS.finance,
    );
    expect(before.body.balances[0]).toMatchObject({ balance: '300.00', payable: '300.00' });
    await new Promise((resolve) => setTimeout(resolve, 5));

    const refund = await post('/v1/refunds', KEYS.ingest, {
      refundId: 'ref_1',
      paymentId: 'pay_1',
      amount: '250.00',
      occurredAt: '2026-02-20T10:00:00Z',
    });
    expect(refund.status).toBe(201);
    const after = await get(
      `/v1/partners/p_acme/balance?asOf=2026-06-01T00:00:00Z&waitFor=${await headToken()}`,
      KEYS.finance,
    );
    expect(after.body.balances[0]).toMatchObject({ reversed: '50.00', balance: '250.00' });

    const reproduced = await get(
      `/v1/partners/p_acme/balance?asOf=2026-06-01T00:00:00Z&knownAt=${before.body.knownAt}`,
      KEYS.finance,
    );
    expect(reproduced.body).toEqual(before.body);
  });

  it('lists commission lines with status, and clawbacks with their causes', async () => {
    const token = await headToken();
    const lines = await get(
      `/v1/partners/p_acme/commissions?asOf=2026-03-15T00:00:00Z&waitFor=${token}`,
      KEYS.manager,
    );
    expect(lines.status).toBe(200);
    expect(
      lines.body.lines.map((l: Record<string, unknown>) => [
        l.commissionId,
        l.amount,
        l.basis,
        l.rate,
        l.outstanding,
        l.status,
      ]),
    ).toEqual([
      ['pay_1:p_acme', '200.00', '1000.00', '0.2', '150.00', 'payable'],
      ['pay_2:p_acme', '100.00', '500.00', '0.2', '100.00', 'pending'],
    ]);
    const ranged = await get(
      '/v1/partners/p_acme/commissions?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
      KEYS.manager,
    );
    expect(ranged.body.lines.map((l: { commissionId: string }) => l.commissionId)).toEqual([
      'pay_2:p_acme',
    ]);

    const clawbacks = await get(`/v1/clawbacks?partnerId=p_acme&waitFor=${token}`, KEYS.finance);
    expect(clawbacks.status).toBe(200);
    expect(clawbacks.body).toMatchObject({
      next: null,
      adjustments: [
        {
          kind: 'reversal',
          amount: '50.00',
          commissionId: 'pay_1:p_acme',
          cause: { kind: 'refund', id: 'ref_1' },
        },
      ],
    });
  });

  it('lets a partner key read its own data only', async () => {
    expect((await get('/v1/partners/p_acme/balance', KEYS.acme)).status).toBe(200);
    expect((await get('/v1/partners/p_acme/clawbacks', KEYS.acme)).body.adjustments).toHaveLength(
      1,
    );
    expect((await get('/v1/partners/p_acme/balance', KEYS.other)).status).toBe(403);
    expect((await get('/v1/partners/p_acme/commissions', KEYS.other)).status).toBe(403);
    expect((await get('/v1/clawbacks?partnerId=p_acme', KEYS.acme)).status).toBe(403);
    expect((await get('/v1/partners/p_acme/balance', KEYS.ingest)).status).toBe(403);
    expect((await request(app.getHttpServer()).get('/v1/partners/p_acme/balance')).status).toBe(
      401,
    );
  });

  it('answers 404 for a partner never enrolled', async () => {
    const answer = await get('/v1/partners/p_ghost/balance', KEYS.finance);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'partner.not_found' });
  });

  it.each([
    ['/v1/partners/p_acme/balance?asOf=2026-02-30T00:00:00Z', 'asOf'],
    ['/v1/partners/p_acme/balance?knownAt=yesterday', 'knownAt'],
    ['/v1/partners/p_acme/balance?waitFor=12', 'waitFor'],
    ['/v1/partners/p_acme/balance?currency=USD', 'currency'],
    ['/v1/partners/p_acme/commissions?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z', 'to'],
    ['/v1/clawbacks?limit=0', 'limit'],
    ['/v1/clawbacks?after=not-a-cursor', 'after'],
    ['/v1/clawbacks?partnerId=bad%20id', 'partnerId'],
  ])('answers 400 problem+json naming the field for %s', async (path, field) => {
    const answer = await get(path, KEYS.finance);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('pages clawbacks with the next cursor', async () => {
    await post('/v1/refunds', KEYS.ingest, {
      refundId: 'ref_2',
      paymentId: 'pay_2',
      amount: '100.00',
      occurredAt: '2026-03-10T10:00:00Z',
    });
    const token = await headToken();
    const first = await get(`/v1/clawbacks?limit=1&waitFor=${token}`, KEYS.finance);
    expect(first.body.adjustments.map((a: { cause: { id: string } }) => a.cause.id)).toEqual([
      'ref_1',
    ]);
    const second = await get(`/v1/clawbacks?limit=1&after=${first.body.next}`, KEYS.finance);
    expect(second.body).toMatchObject({
      next: null,
      adjustments: [{ cause: { id: 'ref_2' }, amount: '20.00' }],
    });
  });

  it('answers 503 when the read models do not reach a position in time', async () => {
    const head = await store.headCheckpoint();
    const answer = await get(
      `/v1/partners/p_acme/balance?waitFor=${head.transactionId + 1_000_000n}:0`,
      KEYS.finance,
    );
    expect(answer.status).toBe(503);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'waitFor' })]);
  }, 15_000);
});

async function dropReadSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
