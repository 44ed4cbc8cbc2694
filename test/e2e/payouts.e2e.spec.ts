import Decimal from 'decimal.js';
import { Client } from 'pg';
import request from 'supertest';
import { EVENT_STORE, readYourWritesTarget } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { readSchemaFor } from '@ledger/projections/runner/read-schema';
import { waitForProjections } from '@ledger/projections/runner/wait-for-projections';
import { createApp } from '../../apps/api/src/main';
import { createTestLedger, type TestLedger } from '../support/test-store';

const KEYS = {
  ingest: 'pay-e2e-ingest',
  manager: 'pay-e2e-manager',
  finance: 'pay-e2e-finance',
  acme: 'pay-e2e-partner-acme',
} as const;

interface Payout {
  payoutId: string;
  partnerId: string;
  currency: string;
  amount: string;
}

/**
 * The real application (its projections run in-process) on the store the environment selects
 * (PGlite, or PostgreSQL when DATABASE_URL is set).
 */
async function startApi() {
  const ledger: TestLedger = await createTestLedger([
    { key: KEYS.ingest, role: 'ingest' },
    { key: KEYS.manager, role: 'manager' },
    { key: KEYS.finance, role: 'finance' },
    { key: KEYS.acme, role: 'partner:p_acme' },
  ]);
  const app = await createApp(ledger.config);
  await app.init();
  const store = app.get<EventStore>(EVENT_STORE) as SqlEventStore;
  const readSchema = readSchemaFor(ledger.config.schema);
  const server = app.getHttpServer();
  return {
    store,
    readSchema,
    post: (path: string, key: string, body: object) =>
      request(server).post(path).set('Authorization', `Bearer ${key}`).send(body),
    get: (path: string, key: string) =>
      request(server).get(path).set('Authorization', `Bearer ${key}`),
    async close() {
      await app.close();
      if (ledger.config.databaseUrl) await dropSchema(ledger.config.databaseUrl, readSchema);
      await ledger.destroy();
    },
  };
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * A programme's payouts through HTTP: its history is paid, a re-run pays nothing new, two racing runs
 * pay nothing twice, a failed payout is paid by the next run, every explanation sums to its payout,
 * and the journal still balances.
 */
describe('payouts through the HTTP API', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  const issued: Payout[] = [];
  let aprilAnswer = '';

  async function ok(path: string, key: string, body: object): Promise<request.Response> {
    const response = await api.post(path, key, body);
    if (response.status !== 201)
      throw new Error(`${path} answered ${response.status}: ${response.text}`);
    return response;
  }

  /**
   * Waits until the read models have applied the last event of `streamId`, written by this spec. A
   * write shows in the global log once every older transaction of the database has ended, and a run
   * pays what the log shows when it starts (docs/decisions.md, "Payouts"); on a busy PostgreSQL the
   * last few writes may not show yet, and would be paid by the next run instead.
   */
  async function applied(streamId: string): Promise<void> {
    const [last] = (await api.store.readStream(streamId)).slice(-1);
    const target = { transactionId: last!.transactionId, globalPosition: last!.globalPosition };
    const names = ALL_PROJECTIONS.map((p) => p.name);
    expect(
      await waitForProjections({
        db: api.store.raw(),
        schema: api.readSchema,
        names,
        target,
        timeoutMs: 10_000,
      }),
    ).toBe(true);
  }

  async function run(runId: string, asOf: string): Promise<request.Response> {
    const response = await api.post('/v1/payout-runs', KEYS.finance, { runId, asOf });
    expect(response.status).toBe(201);
    issued.push(...(response.body.payouts as Payout[]));
    return response;
  }

  async function enrol(partnerId: string, tier: string): Promise<void> {
    await ok('/v1/partners', KEYS.manager, {
      partnerId,
      name: partnerId,
      tier,
      enrolledAt: '2026-01-01T00:00:00Z',
    });
  }

  /** A coupon makes the partner the sourcing partner of a new account; then the account pays. */
  async function pay(
    partnerId: string,
    accountId: string,
    paymentId: string,
    amount: string,
    occurredAt: string,
  ): Promise<void> {
    await ok('/v1/touchpoints', KEYS.ingest, {
      touchpointId: `tp_${paymentId}`,
      partnerId,
      accountId,
      kind: 'coupon',
      occurredAt: '2026-01-10T00:00:00Z',
    });
    await ok('/v1/payments', KEYS.ingest, {
      paymentId,
      accountId,
      amount,
      currency: 'USD',
      revenueModel: 'monthly_subscription',
      occurredAt,
    });
  }

  beforeAll(async () => {
    api = await startApi();
    await enrol('p_acme', 'integration');
    await enrol('p_ref', 'referral');
    await enrol('p_sol', 'solution');
    await enrol('p_small', 'integration');
    await enrol('p_held', 'integration');
    await pay('p_acme', 'acc_a', 'pay_a1', '1000.00', '2026-02-05T10:00:00Z'); // 200.00, payable 1 March
    await pay('p_acme', 'acc_a', 'pay_a2', '500.00', '2026-03-10T10:00:00Z'); // 100.00, payable 1 April
    await ok('/v1/refunds', KEYS.ingest, {
      refundId: 'ref_a1',
      paymentId: 'pay_a1',
      amount: '250.00',
      occurredAt: '2026-03-20T10:00:00Z',
    }); // −50.00
    await pay('p_ref', 'acc_r', 'pay_r1', '800.00', '2026-02-01T10:00:00Z'); // 80.00, payable 3 March (net-30)
    await pay('p_sol', 'acc_s', 'pay_s1', '1000.00', '2026-03-15T10:00:00Z'); // 300.00, payable 1 April
    await pay('p_small', 'acc_m', 'pay_m1', '200.00', '2026-03-01T10:00:00Z'); // 40.00: below the minimum
    await pay('p_held', 'acc_h', 'pay_h1', '1000.00', '2026-02-01T10:00:00Z'); // 200.00, but held
    for (const n of [1, 2]) {
      await ok('/v1/partners/p_held/pricing-violations', KEYS.manager, {
        violationId: `v${n}`,
        occurredAt: `2026-03-0${n}T10:00:00Z`,
        detail: 'below MAP',
      });
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('pays the history as of 1 April: net of refunds, minimum applied, held partner skipped', async () => {
    await applied('partner-p_held');
    const april = await run('run_2026_04', '2026-04-01T00:00:00Z');
    expect(april.body).toMatchObject({
      status: 'completed',
      runId: 'run_2026_04',
      asOf: '2026-04-01T00:00:00.000Z',
      minimumPayout: '50.00',
    });
    expect(april.body.payouts).toEqual([
      {
        payoutId: 'run_2026_04:p_acme:USD',
        partnerId: 'p_acme',
        currency: 'USD',
        amount: '250.00',
      },
      { payoutId: 'run_2026_04:p_ref:USD', partnerId: 'p_ref', currency: 'USD', amount: '80.00' },
      { payoutId: 'run_2026_04:p_sol:USD', partnerId: 'p_sol', currency: 'USD', amount: '300.00' },
    ]);
    expect(april.body.carriedForward).toEqual([
      { partnerId: 'p_small', currency: 'USD', amount: '40.00' },
    ]);
    expect(april.body.skipped).toEqual([{ partnerId: 'p_held', reason: 'payout.partner_held' }]);
    aprilAnswer = april.text;
  });

  it('answers a re-run of the same run id with the same answer and records nothing new', async () => {
    // The last committed event, not the visible head: on a shared PostgreSQL an earlier write can
    // become visible meanwhile (when an older transaction elsewhere ends), which would look like one.
    const head = await readYourWritesTarget(api.store);
    const again = await api.post('/v1/payout-runs', KEYS.finance, {
      runId: 'run_2026_04',
      asOf: '2026-04-01T00:00:00Z',
    });
    expect(again.status).toBe(201);
    expect(again.text).toBe(aprilAnswer);
    expect(await readYourWritesTarget(api.store)).toEqual(head);
    const otherTerms = await api.post('/v1/payout-runs', KEYS.finance, {
      runId: 'run_2026_04',
      asOf: '2026-04-02T00:00:00Z',
    });
    expect(otherTerms.status).toBe(409);
  });

  it('pays nothing twice when two runs are started at once', async () => {
    // A back-dated payment recorded after the April run: payable, and wanted by both racing runs.
    await ok('/v1/payments', KEYS.ingest, {
      paymentId: 'pay_a3',
      accountId: 'acc_a',
      amount: '1000.00',
      currency: 'USD',
      revenueModel: 'monthly_subscription',
      occurredAt: '2026-03-25T10:00:00Z',
    });
    await applied('account-acc_a');
    const [a, b] = await Promise.all([
      run('run_race_a', '2026-04-15T00:00:00Z'),
      run('run_race_b', '2026-04-15T00:00:00Z'),
    ]);
    const raced = [...a.body.payouts, ...b.body.payouts] as Payout[];
    expect(raced.map((p) => [p.partnerId, p.amount])).toEqual([['p_acme', '200.00']]);
  });

  it('closes payouts once: failed, then paid refused; an unknown payout is 404', async () => {
    const failed = await api.post('/v1/payouts/run_2026_04:p_acme:USD/failed', KEYS.finance, {
      occurredAt: '2026-04-03T09:00:00Z',
      reference: 'wire-bounced',
    });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({
      status: 'failed',
      payoutId: 'run_2026_04:p_acme:USD',
      amount: '250.00',
      eventIds: [expect.any(String)],
    });
    const paidAfter = await api.post('/v1/payouts/run_2026_04:p_acme:USD/paid', KEYS.finance, {
      occurredAt: '2026-04-04T09:00:00Z',
    });
    expect(paidAfter.status).toBe(422);
    expect(paidAfter.body.code).toBe('payout.already_closed');
    expect(
      (
        await api.post('/v1/payouts/run_2026_04:p_ref:USD/paid', KEYS.finance, {
          occurredAt: '2026-04-03T09:00:00Z',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api.post('/v1/payouts/run_1999:p_acme:USD/paid', KEYS.finance, {
          occurredAt: '2026-04-03T09:00:00Z',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api.post('/v1/payouts/run_2026_04:p_sol:USD/paid', KEYS.manager, {
          occurredAt: '2026-04-03T09:00:00Z',
        })
      ).status,
    ).toBe(403);
  });

  it("pays the failed payout's commissions in the next run, and a carried balance once it reaches the minimum", async () => {
    await ok('/v1/payments', KEYS.ingest, {
      paymentId: 'pay_m2',
      accountId: 'acc_m',
      amount: '100.00',
      currency: 'USD',
      revenueModel: 'monthly_subscription',
      occurredAt: '2026-04-10T10:00:00Z',
    }); // 20.00
    await ok('/v1/churns', KEYS.ingest, {
      churnId: 'churn_r',
      accountId: 'acc_r',
      occurredAt: '2026-04-01T10:00:00Z',
    }); // −80.00 after 59 days
    await applied('account-acc_r');
    const may = await run('run_2026_05', '2026-05-01T00:00:00Z');
    expect(may.body.payouts).toEqual([
      {
        payoutId: 'run_2026_05:p_acme:USD',
        partnerId: 'p_acme',
        currency: 'USD',
        amount: '250.00',
      },
      {
        payoutId: 'run_2026_05:p_small:USD',
        partnerId: 'p_small',
        currency: 'USD',
        amount: '60.00',
      },
    ]);
    expect(may.body.carriedForward).toEqual([
      { partnerId: 'p_ref', currency: 'USD', amount: '-80.00' },
    ]);
  });

  it('explains every payout with lines that sum exactly to it', async () => {
    expect(issued.length).toBe(6);
    for (const payout of issued) {
      const explanation = await api.get(`/v1/payouts/${payout.payoutId}/explanation`, KEYS.finance);
      expect(explanation.status).toBe(200);
      const total = explanation.body.lines.reduce(
        (sum: Decimal, line: { amount: string }) => sum.plus(line.amount),
        new Decimal(0),
      );
      expect(total.equals(explanation.body.amount)).toBe(true);
      expect(explanation.body.amount).toBe(payout.amount);
      for (const line of explanation.body.lines) {
        expect(line.positions.length).toBeGreaterThan(0);
        expect(line.positions[0]).toMatchObject({
          eventId: line.sourceEventIds[0],
          globalPosition: expect.stringMatching(/^\d+$/),
        });
      }
    }
  });

  it('shows the rate, basis, rounding, attribution and kind of each line', async () => {
    const acme = (await api.get('/v1/payouts/run_2026_05:p_acme:USD/explanation', KEYS.finance))
      .body;
    expect(acme).toMatchObject({ status: 'issued', partnerId: 'p_acme', linesTotal: '250.00' });
    const commission = acme.lines.find((l: { itemId: string }) => l.itemId === 'pay_a1:p_acme');
    expect(commission).toMatchObject({
      kind: 'commission',
      amount: '200.00',
      paymentId: 'pay_a1',
      rate: '0.2',
      basis: '1000.00',
      planVersion: 1,
      rounding: { mode: 'half_even', minorUnits: 2, rounded: '200.00' },
      attribution: { credit: 'sourced', sourcedPartnerId: 'p_acme' },
    });
    expect(acme.lines.find((l: { itemKind: string }) => l.itemKind === 'reversal')).toMatchObject({
      amount: '-50.00',
      rate: '0.2',
      rounding: null,
    });

    const small = (await api.get('/v1/payouts/run_2026_05:p_small:USD/explanation', KEYS.finance))
      .body;
    expect(small.lines.map((l: { kind: string; amount: string }) => [l.kind, l.amount])).toEqual([
      ['carried', '40.00'],
      ['commission', '20.00'],
    ]);

    // Q1's payment, recorded after the quarter closed, is the solution partner's quarter-end true-up.
    const solution = (await api.get('/v1/payouts/run_2026_04:p_sol:USD/explanation', KEYS.finance))
      .body;
    expect(
      solution.lines.map((l: { kind: string; itemKind: string }) => [l.kind, l.itemKind]),
    ).toEqual([['true_up', 'commission']]);
  });

  it("lets a partner read its own payouts' explanations and no one else's", async () => {
    expect(
      (await api.get('/v1/payouts/run_2026_05:p_acme:USD/explanation', KEYS.acme)).status,
    ).toBe(200);
    expect(
      (await api.get('/v1/payouts/run_2026_05:p_small:USD/explanation', KEYS.acme)).status,
    ).toBe(403);
    expect(
      (await api.get('/v1/payouts/run_2026_05:p_small:USD/explanation', KEYS.ingest)).status,
    ).toBe(403);
    expect(
      (await api.get('/v1/payouts/run_2026_05:p_small:USD/explanation', 'not-a-key')).status,
    ).toBe(401);
    expect(
      (await api.get('/v1/payouts/run_1999:p_acme:USD/explanation', KEYS.manager)).status,
    ).toBe(404);
  });

  it('leaves the journal summing to zero in every currency', async () => {
    expect(
      await waitForProjections({
        db: api.store.raw(),
        schema: api.readSchema,
        names: ['journal'],
        target: await api.store.headCheckpoint(),
        timeoutMs: 10_000,
      }),
    ).toBe(true);
    const rows = await api.store
      .raw()
      .query<{ currency: string; net: string; lines: string }>(
        `SELECT currency, (SUM(debit) - SUM(credit))::text AS net, COUNT(*)::text AS lines FROM "${api.readSchema}"."journal_lines" GROUP BY currency`,
      );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(new Decimal(row.net).isZero()).toBe(true);
  });
});
