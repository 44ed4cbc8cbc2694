import { createTestLedger, type TestLedger } from '../../../../test/support/test-store';
import { startReadSideApp, type ReadSideTestApp } from './read-side-test-app';

const KEYS = {
  manager: 'rs-manager-key-0001',
  finance: 'rs-finance-key-0001',
  ingest: 'rs-ingest-key-0001',
  acme: 'rs-partner-acme-key',
  beta: 'rs-partner-beta-key',
} as const;

/**
 * A programme in Q1 2026: p_acme introduces acc_1, which pays and wins; p_beta protects acc_1 and
 * acc_2, disputes acc_1 and wins the dispute; the quarterly review revokes acc_2.
 */
async function runProgramme(api: ReadSideTestApp): Promise<void> {
  await api.execute({
    type: 'EnrollPartner',
    data: {
      partnerId: 'p_acme',
      name: 'Acme',
      tier: 'integration',
      enrolledAt: '2026-01-05T00:00:00.000Z',
    },
  });
  await api.execute({
    type: 'EnrollPartner',
    data: {
      partnerId: 'p_beta',
      name: 'Beta',
      tier: 'solution',
      enrolledAt: '2026-01-05T00:00:00.000Z',
    },
  });
  await api.execute({
    type: 'MarkPartnerOnboarded',
    data: { partnerId: 'p_acme', occurredAt: '2026-01-08T00:00:00.000Z' },
  });
  await api.execute({
    type: 'SubmitProtectedAccounts',
    data: {
      partnerId: 'p_beta',
      submissionId: 'sub_1',
      quarter: '2026-Q1',
      accountIds: ['acc_1', 'acc_2'],
      submittedAt: '2026-01-10T00:00:00.000Z',
    },
  });
  await api.execute({
    type: 'RecordTouchpoint',
    data: {
      touchpointId: 'tp_1',
      partnerId: 'p_acme',
      accountId: 'acc_1',
      kind: 'coupon',
      occurredAt: '2026-02-01T10:00:00.000Z',
    },
  });
  await api.execute({
    type: 'RecordSignup',
    data: { accountId: 'acc_1', occurredAt: '2026-02-02T10:00:00.000Z' },
  });
  await api.execute({
    type: 'OpenOpportunity',
    data: {
      opportunityId: 'opp_1',
      accountId: 'acc_1',
      amount: '5000.00',
      currency: 'USD',
      openedAt: '2026-02-03T10:00:00.000Z',
    },
  });
  await api.execute({
    type: 'RecordPayment',
    data: {
      paymentId: 'pay_1',
      accountId: 'acc_1',
      amount: '1000.00',
      currency: 'USD',
      revenueModel: 'monthly_subscription',
      occurredAt: '2026-02-05T10:00:00.000Z',
    },
  });
  await api.execute({
    type: 'WinOpportunity',
    data: { opportunityId: 'opp_1', occurredAt: '2026-02-10T10:00:00.000Z' },
  });
  await api.execute({
    type: 'OpenDispute',
    data: {
      disputeId: 'dsp_1',
      accountId: 'acc_1',
      claimantPartnerId: 'p_beta',
      openedAt: '2026-02-15T10:00:00.000Z',
      reason: 'Beta ran the first demo',
    },
  });
  await api.execute({
    type: 'ResolveDispute',
    data: {
      disputeId: 'dsp_1',
      winnerPartnerId: 'p_beta',
      resolvedAt: '2026-02-20T10:00:00.000Z',
      note: 'demo notes',
    },
  });
  await api.execute({
    type: 'ReviewProtectedAccounts',
    data: { reviewId: 'rev_q1', quarter: '2026-Q1' },
  });
}

describe('read side of accounts, protection, metrics and the feed', () => {
  let ledger: TestLedger;
  let api: ReadSideTestApp;

  beforeAll(async () => {
    ledger = await createTestLedger([
      { key: KEYS.manager, role: 'manager' },
      { key: KEYS.finance, role: 'finance' },
      { key: KEYS.ingest, role: 'ingest' },
      { key: KEYS.acme, role: 'partner:p_acme' },
      { key: KEYS.beta, role: 'partner:p_beta' },
    ]);
    api = await startReadSideApp(ledger.config);
    await runProgramme(api);
  });

  afterAll(async () => {
    await api.close();
    await ledger.destroy();
  });

  describe('GET /v1/accounts/{id}/attribution', () => {
    it('answers the dispute winner now, and the first-touch partner as of before the dispute', async () => {
      const now = await api.get('/v1/accounts/acc_1/attribution', KEYS.manager);
      const before = await api.get(
        '/v1/accounts/acc_1/attribution?asOf=2026-02-12T00:00:00%2B00:00',
        KEYS.finance,
      );

      expect(now.status).toBe(200);
      expect(now.body).toMatchObject({
        accountId: 'acc_1',
        sourcedPartnerId: 'p_beta',
        rule: 'attribution.dispute_resolution',
      });
      expect(now.body.evidence).toHaveLength(1);
      expect(before.body).toMatchObject({ sourcedPartnerId: 'p_acme', influencedPartnerIds: [] });
    });

    it('answers 404 for an unknown account and 403 to a partner key', async () => {
      expect((await api.get('/v1/accounts/acc_nobody/attribution', KEYS.manager)).status).toBe(404);
      expect((await api.get('/v1/accounts/acc_1/attribution', KEYS.acme)).status).toBe(403);
    });
  });

  describe('GET /v1/accounts/{id}/timeline', () => {
    it('lists every event of the account in order, with rules, and the dispute reason on its decisions', async () => {
      const timeline = await api.get('/v1/accounts/acc_1/timeline', KEYS.manager);

      expect(timeline.status).toBe(200);
      const events = timeline.body.events as {
        type: string;
        position: string;
        rule?: string;
        dispute?: { reason: string };
      }[];
      expect(events[0]!.type).toBe('ProtectedAccountsSubmitted');
      expect(events.map((e) => e.type)).toEqual(
        expect.arrayContaining([
          'TouchpointRecorded',
          'PaymentRecorded',
          'CommissionEarned',
          'DisputeResolved',
        ]),
      );
      const positions = events.map((e) => BigInt(e.position));
      expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
      expect(events.find((e) => e.type === 'CommissionEarned')!.rule).toEqual(expect.any(String));
      const decidedByDispute = events.filter(
        (e) =>
          e.rule === 'attribution.dispute_resolution' ||
          e.type === 'DisputeResolved' ||
          e.type === 'CommissionReassigned',
      );
      expect(decidedByDispute.length).toBeGreaterThanOrEqual(3);
      for (const entry of decidedByDispute)
        expect(entry.dispute).toEqual({ disputeId: 'dsp_1', reason: 'Beta ran the first demo' });
      expect(timeline.body.next).toBeNull();
    });

    it('pages with `next`', async () => {
      const all = (await api.get('/v1/accounts/acc_1/timeline', KEYS.manager)).body.events as {
        eventId: string;
      }[];
      const first = await api.get('/v1/accounts/acc_1/timeline?limit=2', KEYS.manager);
      const second = await api.get(
        `/v1/accounts/acc_1/timeline?limit=2&after=${first.body.next}`,
        KEYS.manager,
      );

      expect(first.body.events.map((e: { eventId: string }) => e.eventId)).toEqual(
        all.slice(0, 2).map((e) => e.eventId),
      );
      expect(second.body.events.map((e: { eventId: string }) => e.eventId)).toEqual(
        all.slice(2, 4).map((e) => e.eventId),
      );
    });

    it('refuses bad parameters with 400 naming the field', async () => {
      const badLimit = await api.get('/v1/accounts/acc_1/timeline?limit=0', KEYS.manager);
      const badAfter = await api.get('/v1/accounts/acc_1/timeline?after=yesterday', KEYS.manager);
      const badAsOf = await api.get(
        '/v1/accounts/acc_1/timeline?asOf=2026-02-30T00:00:00Z',
        KEYS.manager,
      );

      expect(badLimit.status).toBe(400);
      expect(badLimit.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(badLimit.body.errors).toEqual([{ field: 'limit', message: expect.any(String) }]);
      expect(badAfter.body.errors).toEqual([{ field: 'after', message: expect.any(String) }]);
      expect(badAsOf.body.errors).toEqual([{ field: 'asOf', message: expect.any(String) }]);
    });

    it('answers 404 for an unknown account', async () => {
      expect((await api.get('/v1/accounts/acc_nobody/timeline', KEYS.finance)).status).toBe(404);
    });
  });

  describe('GET /v1/partners/{id}/protected-accounts', () => {
    it('shows a partner its own list: acc_1 still protected, acc_2 revoked at the Q1 review', async () => {
      const list = await api.get('/v1/partners/p_beta/protected-accounts', KEYS.beta);

      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({
        partnerId: 'p_beta',
        quarter: '2026-Q1',
        limit: 50,
        protectedCount: 1,
      });
      expect(list.body.accounts).toEqual([
        {
          accountId: 'acc_1',
          state: 'protected',
          listedAt: '2026-01-10T00:00:00.000Z',
          revocation: null,
        },
        expect.objectContaining({
          accountId: 'acc_2',
          state: 'revoked',
          revocation: expect.objectContaining({
            quarter: '2026-Q1',
            reviewId: 'rev_q1',
            rule: 'protection.no_pipeline_movement',
          }),
        }),
      ]);
    });

    it("refuses another partner's key, and answers 404 for a partner not enrolled", async () => {
      expect((await api.get('/v1/partners/p_beta/protected-accounts', KEYS.acme)).status).toBe(403);
      expect((await api.get('/v1/partners/p_nobody/protected-accounts', KEYS.manager)).status).toBe(
        404,
      );
    });
  });

  describe('GET /v1/metrics/*', () => {
    it('computes pipeline metrics over a window', async () => {
      const metrics = await api.get(
        '/v1/metrics/pipeline?from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z',
        KEYS.finance,
      );

      expect(metrics.status).toBe(200);
      // The payment of 5 Feb was sourced by p_acme at the time; the dispute moved only later credit.
      expect(metrics.body).toMatchObject({
        partnerSourcedRevenue: { USD: '1000.00' },
        partnerInfluencedRevenue: { USD: '0.00' },
        averageRevenuePerActivePartner: { USD: '1000.00' },
        topDecileRevenueShare: { USD: 1 },
        attachRate: 1,
        sourcedWinRate: 1,
        directWinRate: null,
        sourcedPipeline: {},
      });
    });

    it('refuses a window that ends before it starts, naming `to`', async () => {
      const answer = await api.get(
        '/v1/metrics/pipeline?from=2026-04-01T00:00:00Z&to=2026-01-01T00:00:00Z',
        KEYS.manager,
      );

      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field: 'to', message: 'must be later than `from`' }]);
    });

    it('computes the recruitment funnel', async () => {
      const funnel = await api.get('/v1/metrics/funnel', KEYS.manager);

      expect(funnel.body).toEqual({
        asOf: null,
        recruited: 2,
        onboarded: 1,
        activated: 1,
        performing: 0,
        activationRate: 0.5,
        // p_acme: enrolled 5 Jan, introduced acc_1 (sourced at once) 1 Feb 10:00. p_beta won acc_1 by a
        // dispute without introducing it: no referral.
        medianDaysToFirstReferral: 27,
      });
    });

    it('keeps metrics from partner keys', async () => {
      expect((await api.get('/v1/metrics/funnel', KEYS.acme)).status).toBe(403);
      expect((await api.get('/v1/metrics/pipeline', KEYS.ingest)).status).toBe(403);
    });
  });

  describe('GET /v1/feed', () => {
    it('pages through the whole log in commit order with a resume token', async () => {
      const head = await api.store.readAll({ limit: 10_000 });
      const first = await api.get('/v1/feed?limit=5', KEYS.manager);
      const rest = await api.get(`/v1/feed?limit=1000&after=${first.body.next}`, KEYS.manager);
      const end = await api.get(`/v1/feed?after=${rest.body.next}`, KEYS.manager);

      const ids = [...first.body.events, ...rest.body.events].map(
        (e: { eventId: string }) => e.eventId,
      );
      expect(ids).toEqual(head.events.map((e) => e.eventId));
      expect(first.body.next).toMatch(/^\d+:\d+$/);
      expect(end.body).toEqual({ events: [], next: rest.body.next });
    });

    it('shows a partner key only events naming its partner', async () => {
      const acme = await api.get('/v1/feed?limit=1000', KEYS.acme);
      const all = await api.get('/v1/feed?limit=1000', KEYS.manager);

      const names = (data: Record<string, unknown>, partner: string) =>
        JSON.stringify(data).includes(`"${partner}"`);
      const acmeEvents = acme.body.events as {
        eventId: string;
        type: string;
        data: Record<string, unknown>;
      }[];
      expect(acmeEvents.length).toBeGreaterThan(0);
      expect(acmeEvents.map((e) => e.type)).toEqual(
        expect.arrayContaining([
          'PartnerEnrolled',
          'TouchpointRecorded',
          'CommissionEarned',
          'CommissionReassigned',
        ]),
      );
      expect(acmeEvents.every((e) => names(e.data, 'p_acme'))).toBe(true);
      expect(acmeEvents.map((e) => e.type)).not.toContain('ProtectedAccountsSubmitted');
      expect(acmeEvents.map((e) => e.type)).not.toContain('PaymentRecorded');
      expect(acmeEvents.length).toBeLessThan(all.body.events.length);
      expect(acme.body.next).toBe(all.body.next);
    });

    it('refuses an ingest key, an unknown key and a bad token', async () => {
      expect((await api.get('/v1/feed', KEYS.ingest)).status).toBe(403);
      expect((await api.get('/v1/feed', 'not-a-key')).status).toBe(401);
      const bad = await api.get('/v1/feed?after=12', KEYS.manager);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'after', message: expect.any(String) }]);
    });
  });
});
