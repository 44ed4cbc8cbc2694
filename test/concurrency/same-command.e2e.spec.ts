import { KEYS, startListeningApi, type ListeningApi } from './support/listening-api';
import { httpPost, type HttpAnswer } from './support/http-post';

/** How many deliveries of one command race; each on a connection of its own. */
const DELIVERIES = 50;

/**
 * SPEC §5: re-sending a command id with the same body returns the first answer and appends
 * nothing — also when all the copies arrive at once. For several kinds of command (new streams,
 * account facts, a payment that earns and claims a lookup key, a refund found through it, a payout
 * run), 50 simultaneous deliveries record one set of events and get 50 byte-identical answers.
 */
describe('the same command delivered 50 times at once', () => {
  let api: ListeningApi;

  beforeAll(async () => {
    api = await startListeningApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  /** Sends `body` to `path` 50 times at once and checks the answers and what the store holds. */
  async function deliverAtOnce(path: string, key: string, body: object, commandId: string) {
    const answers: HttpAnswer[] = await Promise.all(
      Array.from({ length: DELIVERIES }, () => httpPost(api.baseUrl, path, key, body)),
    );
    const statuses = [...new Set(answers.map((a) => a.status))];
    expect([statuses, answers.find((a) => a.status !== 201)?.text]).toEqual([[201], undefined]);
    const texts = new Set(answers.map((a) => a.text));
    expect(texts.size).toBe(1);
    const [first] = answers;
    const eventIds = first!.body.eventIds as string[];
    expect(eventIds.length).toBeGreaterThan(0);
    const recorded = await api.recordedBy(commandId);
    expect(recorded).toEqual({ eventIds, commandRecords: 1 });
    return first!;
  }

  it.each(['p_same', 'p_same_2', 'p_same_3'])('enrols partner %s once', async (partnerId) => {
    await deliverAtOnce(
      '/v1/partners',
      KEYS.manager,
      { partnerId, name: 'Same Co', tier: 'integration', enrolledAt: '2026-01-01T00:00:00Z' },
      `EnrollPartner:${partnerId}`,
    );
    expect(await api.store.readStream(`partner-${partnerId}`)).toHaveLength(1);
  });

  // Re-deciding either after the first delivery is recorded gives another answer (nothing new to
  // record; `signup.already_recorded`): every copy must still get the first one.
  it('creates an account in the CRM once', async () => {
    await deliverAtOnce(
      '/v1/accounts',
      KEYS.ingest,
      { accountId: 'acc_crm', createdInCrmAt: '2026-01-02T00:00:00Z' },
      'CreateAccountInCrm:acc_crm',
    );
  });

  it('records a signup once', async () => {
    await deliverAtOnce(
      '/v1/signups',
      KEYS.ingest,
      { accountId: 'acc_crm', occurredAt: '2026-01-03T00:00:00Z' },
      'RecordSignup:acc_crm',
    );
    const types = (await api.store.readStream('account-acc_crm')).map((e) => e.type);
    expect(types.filter((t) => t === 'SignupRecorded')).toHaveLength(1);
  });

  it('records a payment and its commission once', async () => {
    const touch = await httpPost(api.baseUrl, '/v1/touchpoints', KEYS.ingest, {
      touchpointId: 'tp_same',
      partnerId: 'p_same',
      accountId: 'acc_same',
      kind: 'coupon',
      occurredAt: '2026-01-10T00:00:00Z',
    });
    expect(touch.status).toBe(201);
    const answer = await deliverAtOnce(
      '/v1/payments',
      KEYS.ingest,
      {
        paymentId: 'pay_same',
        accountId: 'acc_same',
        amount: '1000.00',
        currency: 'USD',
        revenueModel: 'monthly_subscription',
        occurredAt: '2026-02-05T10:00:00Z',
      },
      'RecordPayment:pay_same',
    );
    expect(answer.body.commissions).toEqual([
      expect.objectContaining({ commissionId: 'pay_same:p_same', amount: '200.00' }),
    ]);
    const types = (await api.store.readStream('account-acc_same')).map((e) => e.type);
    expect(types.filter((t) => t === 'PaymentRecorded')).toHaveLength(1);
    expect(types.filter((t) => t === 'CommissionEarned')).toHaveLength(1);
  });

  it('records a refund, found through the payment id, once', async () => {
    const answer = await deliverAtOnce(
      '/v1/refunds',
      KEYS.ingest,
      {
        refundId: 'ref_same',
        paymentId: 'pay_same',
        amount: '250.00',
        occurredAt: '2026-02-20T10:00:00Z',
      },
      'RecordRefund:ref_same',
    );
    expect(answer.body.reversals).toEqual([
      expect.objectContaining({ commissionId: 'pay_same:p_same', amount: '50.00' }),
    ]);
    const reversals = (await api.store.readStream('account-acc_same')).filter(
      (e) => e.type === 'CommissionReversed',
    );
    expect(reversals).toHaveLength(1);
  });

  it('runs a payout run once and pays the partner once', async () => {
    await api.applied('account-acc_same');
    const answer = await deliverAtOnce(
      '/v1/payout-runs',
      KEYS.finance,
      { runId: 'run_same', asOf: '2026-04-01T00:00:00Z' },
      'RunPayouts:run_same',
    );
    expect(answer.body.payouts).toEqual([
      { payoutId: 'run_same:p_same:USD', partnerId: 'p_same', currency: 'USD', amount: '150.00' },
    ]);
    const issued = (await api.store.readStream('payouts-p_same')).filter(
      (e) => e.type === 'PayoutIssued',
    );
    expect(issued).toHaveLength(1);
    expect((await api.recordedBy('IssuePayout:run_same:p_same')).commandRecords).toBe(1);
  });
});
