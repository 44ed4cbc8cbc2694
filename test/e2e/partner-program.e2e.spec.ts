import { readYourWritesTarget } from '@ledger/core';
import { KEYS, startTestApi, type TestApi } from '../support/test-api';

/**
 * One programme's story told through HTTP, on whichever store the environment selects: partners
 * are enrolled, a click leads to a signup and a payment that earns a commission, a deal registration
 * wins and a conflicting one loses, and a refund and a churn take commission back.
 */
describe('a partner programme through the HTTP API', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('enrolls a referral and an integration partner', async () => {
    const referral = await api.post('/v1/partners', KEYS.manager, {
      partnerId: 'p_ref',
      name: 'Referral Co',
      tier: 'referral',
      enrolledAt: '2026-01-01T00:00:00Z',
    });
    expect(referral.status).toBe(201);
    expect(referral.body).toMatchObject({ status: 'recorded', eventIds: [expect.any(String)] });

    const integration = await api.post('/v1/partners', KEYS.manager, {
      partnerId: 'p_acme',
      name: 'Acme Integrations',
      tier: 'integration',
      enrolledAt: '2026-01-01T09:00:00+09:00',
    });
    expect(integration.status).toBe(201);
    const [enrolled] = await api.store.readStream('partner-p_acme');
    // Offsets are normalised to UTC before they reach the domain.
    expect(enrolled!.data.enrolledAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('records a click, a signup and a payment, and answers the commission it earned', async () => {
    const click = await api.post('/v1/touchpoints', KEYS.ingest, {
      touchpointId: 'tp_1',
      partnerId: 'p_acme',
      accountId: 'acc_1',
      kind: 'referral_click',
      occurredAt: '2026-02-01T10:00:00Z',
      source: 'link-tracker',
    });
    expect(click.status).toBe(201);
    const signup = await api.post('/v1/signups', KEYS.ingest, {
      accountId: 'acc_1',
      occurredAt: '2026-02-02T10:00:00Z',
    });
    expect(signup.status).toBe(201);

    const payment = await api.post('/v1/payments', KEYS.ingest, {
      paymentId: 'pay_1',
      accountId: 'acc_1',
      amount: '1000.00',
      currency: 'USD',
      revenueModel: 'monthly_subscription',
      occurredAt: '2026-02-05T10:00:00Z',
    });
    expect(payment.status).toBe(201);
    expect(payment.body.status).toBe('recorded');
    expect(payment.body.commissions).toEqual([
      expect.objectContaining({
        commissionId: 'pay_1:p_acme',
        partnerId: 'p_acme',
        amount: '200.00',
        currency: 'USD',
      }),
    ]);
    expect(payment.headers['x-correlation-id']).toEqual(expect.any(String));
  });

  it("shows the commission in the account's timeline, with the rule that fired", async () => {
    const timeline = await api.get('/v1/accounts/acc_1/timeline', KEYS.manager);
    expect(timeline.status).toBe(200);
    const types = timeline.body.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'TouchpointRecorded',
        'SignupRecorded',
        'PaymentRecorded',
        'CommissionEarned',
      ]),
    );
    const earned = timeline.body.events.find(
      (e: { type: string }) => e.type === 'CommissionEarned',
    );
    expect(earned).toMatchObject({
      data: { partnerId: 'p_acme', amount: '200.00' },
      rule: expect.any(String),
    });
    expect(earned.position).toMatch(/^\d+$/);
    const positions = timeline.body.events.map((e: { position: string }) => BigInt(e.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
  });

  it('accepts a deal registration, then rejects a conflicting one naming the winner', async () => {
    const first = await api.post('/v1/deal-registrations', KEYS.ingest, {
      registrationId: 'reg_1',
      partnerId: 'p_ref',
      accountId: 'acc_2',
      firstContactAt: '2026-03-01T09:00:00Z',
      submittedAt: '2026-03-03T09:00:00Z',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'accepted' });

    const second = await api.post('/v1/deal-registrations', KEYS.manager, {
      registrationId: 'reg_2',
      partnerId: 'p_acme',
      accountId: 'acc_2',
      firstContactAt: '2026-03-02T09:00:00Z',
      submittedAt: '2026-03-04T09:00:00Z',
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      status: 'rejected',
      reason: 'conflict',
      winner: { partnerId: 'p_ref', registrationId: 'reg_1' },
    });
  });

  it('reverses half the commission on a refund of half the payment', async () => {
    const refund = await api.post('/v1/refunds', KEYS.ingest, {
      refundId: 'ref_1',
      paymentId: 'pay_1',
      amount: '500.00',
      occurredAt: '2026-02-10T10:00:00Z',
    });
    expect(refund.status).toBe(201);
    expect(refund.body.reversals).toEqual([
      expect.objectContaining({ commissionId: 'pay_1:p_acme', amount: '100.00' }),
    ]);
  });

  it('claws back the integration commission pro rata on a churn within 90 days', async () => {
    // 30 whole days after the payment: (90 − 30) / 90 of the 100.00 still outstanding.
    const churn = await api.post('/v1/churns', KEYS.ingest, {
      churnId: 'churn_1',
      accountId: 'acc_1',
      occurredAt: '2026-03-07T10:00:00Z',
    });
    expect(churn.status).toBe(201);
    expect(churn.body.clawbacks).toEqual([
      expect.objectContaining({ commissionId: 'pay_1:p_acme', amount: '66.67' }),
    ]);

    const timeline = await api.get('/v1/accounts/acc_1/timeline', KEYS.finance);
    const types = timeline.body.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'PaymentRefunded',
        'CommissionReversed',
        'CustomerChurned',
        'CommissionClawedBack',
      ]),
    );
  });

  it('answers a duplicate delivery exactly as the first time and appends nothing', async () => {
    const body = {
      paymentId: 'pay_2',
      accountId: 'acc_3',
      amount: '80.00',
      currency: 'USD',
      revenueModel: 'usage',
      occurredAt: '2026-02-20T10:00:00Z',
    };
    const first = await api.post('/v1/payments', KEYS.ingest, body);
    expect(first.status).toBe(201);
    // The last committed event, not the visible head: on a shared PostgreSQL an earlier write can
    // become visible meanwhile (when an older transaction elsewhere ends), which would look like one.
    const head = await readYourWritesTarget(api.store);

    const again = await api.post('/v1/payments', KEYS.ingest, body);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(await readYourWritesTarget(api.store)).toEqual(head);
  });
});
