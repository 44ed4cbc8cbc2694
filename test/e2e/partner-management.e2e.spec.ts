import { KEYS, startTestApi, type TestApi } from '../support/test-api';

/**
 * What partner managers and finance do through HTTP: tiers, onboarding, the pricing-violation
 * ladder and its release, plans, protected accounts and their quarterly review, opportunities, and
 * a dispute that moves a commission to the winner. Every command endpoint of SPEC §5 (before payout
 * runs) is exercised here or in the programme story.
 */
describe('partner management through the HTTP API', () => {
  let api: TestApi;

  const typesOf = async (streamId: string) =>
    (await api.store.readStream(streamId)).map((e) => e.type);
  const enroll = (partnerId: string, tier: string) =>
    api.post('/v1/partners', KEYS.manager, {
      partnerId,
      name: partnerId,
      tier,
      enrolledAt: '2026-01-01T00:00:00Z',
    });

  beforeAll(async () => {
    api = await startTestApi();
    for (const [partnerId, tier] of [
      ['p_sol', 'solution'],
      ['p_int', 'integration'],
      ['p_ref', 'referral'],
    ]) {
      expect((await enroll(partnerId!, tier!)).status).toBe(201);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('changes a tier, marks onboarding, and walks the pricing-violation ladder to a hold and its release', async () => {
    const tier = await api.post('/v1/partners/p_int/tier', KEYS.manager, {
      changeId: 'c1',
      tier: 'solution',
      effectiveAt: '2026-04-01T00:00:00Z',
      reason: 'certified',
    });
    expect(tier.status).toBe(201);
    expect(
      (
        await api.post('/v1/partners/p_int/onboarded', KEYS.manager, {
          occurredAt: '2026-01-15T00:00:00Z',
        })
      ).status,
    ).toBe(201);
    for (const violationId of ['v1', 'v2']) {
      const violation = await api.post('/v1/partners/p_ref/pricing-violations', KEYS.manager, {
        violationId,
        occurredAt: '2026-02-01T00:00:00Z',
        detail: 'below list price',
      });
      expect(violation.status).toBe(201);
    }
    const release = await api.post('/v1/partners/p_ref/commission-releases', KEYS.manager, {
      releaseId: 'r1',
      occurredAt: '2026-02-10T00:00:00Z',
      reason: 'pricing fixed',
    });
    expect(release.status).toBe(201);
    expect(await typesOf('partner-p_int')).toEqual([
      'PartnerEnrolled',
      'PartnerTierChanged',
      'PartnerOnboarded',
    ]);
    expect(await typesOf('partner-p_ref')).toEqual(
      expect.arrayContaining(['PartnerWarned', 'CommissionsHeld', 'CommissionsReleased']),
    );
  });

  it('lets finance, not a manager, publish a plan version', async () => {
    const row = {
      monthly_subscription: '0.12',
      annual_subscription: '0.12',
      usage: '0.12',
      outcome: '0.12',
    };
    const plan = {
      planId: 'default',
      version: 2,
      effectiveFrom: '2026-07-01T00:00:00Z',
      rates: { referral: row, integration: row, solution: row },
      influencedFactor: '0.5',
      basis: 'gross',
    };
    expect((await api.post('/v1/plans', KEYS.manager, plan)).status).toBe(403);
    const published = await api.post('/v1/plans', KEYS.finance, plan);
    expect(published.status).toBe(201);
    const [event] = await api.store.readStream('plans');
    expect(event).toMatchObject({
      type: 'CommissionPlanPublished',
      data: { version: 2, rates: { solution: { usage: '0.12' } } },
    });
  });

  it('protects a solution partner’s accounts, refuses a referral partner, and revokes idle ones at the review', async () => {
    const submitted = await api.post('/v1/partners/p_sol/protected-accounts', KEYS.manager, {
      submissionId: 's1',
      quarter: '2026-Q3',
      accountIds: ['acc_busy', 'acc_idle'],
      submittedAt: '2026-07-01T00:00:00Z',
    });
    expect(submitted.status).toBe(201);
    const referral = await api.post('/v1/partners/p_ref/protected-accounts', KEYS.manager, {
      submissionId: 's2',
      quarter: '2026-Q3',
      accountIds: ['acc_other'],
      submittedAt: '2026-07-01T00:00:00Z',
    });
    expect(referral.status).toBe(422);
    expect(referral.body.code).toBe('protected_accounts.not_solution_tier');

    const movement = await api.post('/v1/touchpoints', KEYS.ingest, {
      touchpointId: 'tp_busy',
      partnerId: 'p_sol',
      accountId: 'acc_busy',
      kind: 'demo',
      occurredAt: '2026-08-01T00:00:00Z',
    });
    expect(movement.status).toBe(201);
    const review = await api.post('/v1/protected-accounts/reviews', KEYS.manager, {
      reviewId: 'rev_2026_q3',
      quarter: '2026-Q3',
    });
    expect(review.status).toBe(201);
    const revoked = (await api.store.readStream('protected-accounts')).filter(
      (e) => e.type === 'ProtectionRevoked',
    );
    expect(revoked.map((e) => e.data.accountId)).toEqual(['acc_idle']);
  });

  it('opens, wins and refuses to re-close an opportunity found by its id alone', async () => {
    expect(
      (
        await api.post('/v1/accounts', KEYS.ingest, {
          accountId: 'acc_o',
          createdInCrmAt: '2026-01-05T00:00:00Z',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api.post('/v1/direct-contacts', KEYS.ingest, {
          contactId: 'dc1',
          accountId: 'acc_o',
          occurredAt: '2026-01-06T00:00:00Z',
        })
      ).status,
    ).toBe(201);
    const opened = await api.post('/v1/opportunities', KEYS.ingest, {
      opportunityId: 'opp_1',
      accountId: 'acc_o',
      amount: '24000.00',
      currency: 'USD',
      openedAt: '2026-01-10T00:00:00Z',
    });
    expect(opened.status).toBe(201);
    expect(
      (
        await api.post('/v1/opportunities/opp_1/won', KEYS.ingest, {
          occurredAt: '2026-02-01T00:00:00Z',
        })
      ).status,
    ).toBe(201);
    const lost = await api.post('/v1/opportunities/opp_1/lost', KEYS.ingest, {
      occurredAt: '2026-02-02T00:00:00Z',
    });
    expect(lost.status).toBe(422);
    const unknown = await api.post('/v1/opportunities/opp_nope/won', KEYS.ingest, {
      occurredAt: '2026-02-02T00:00:00Z',
    });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'opportunity.not_found' } });
    expect(await typesOf('account-acc_o')).toEqual(
      expect.arrayContaining([
        'AccountCreatedInCrm',
        'DirectSalesContactRecorded',
        'OpportunityOpened',
        'OpportunityWon',
      ]),
    );
  });

  it('resolves a dispute found by its id alone and moves the commission to the winner', async () => {
    await api
      .post('/v1/touchpoints', KEYS.ingest, {
        touchpointId: 'tp_d',
        partnerId: 'p_ref',
        accountId: 'acc_d',
        kind: 'coupon',
        occurredAt: '2026-03-01T00:00:00Z',
      })
      .expect(201);
    const payment = await api.post('/v1/payments', KEYS.ingest, {
      paymentId: 'pay_d',
      accountId: 'acc_d',
      amount: '500.00',
      currency: 'USD',
      revenueModel: 'annual_subscription',
      occurredAt: '2026-03-05T00:00:00Z',
    });
    expect(payment.body.commissions).toEqual([
      expect.objectContaining({ partnerId: 'p_ref', amount: '50.00' }),
    ]);

    const opened = await api.post('/v1/disputes', KEYS.manager, {
      disputeId: 'd1',
      accountId: 'acc_d',
      claimantPartnerId: 'p_sol',
      openedAt: '2026-03-10T00:00:00Z',
      reason: 'our intro came first',
    });
    expect(opened.status).toBe(201);
    const resolved = await api.post('/v1/disputes/d1/resolution', KEYS.manager, {
      winnerPartnerId: 'p_sol',
      resolvedAt: '2026-03-20T00:00:00Z',
      note: 'CRM notes confirm it',
    });
    expect(resolved.status).toBe(201);
    const reassigned = (await api.store.readStream('account-acc_d')).filter(
      (e) => e.type === 'CommissionReassigned',
    );
    expect(reassigned.map((e) => e.data)).toEqual([
      expect.objectContaining({
        fromPartnerId: 'p_ref',
        toPartnerId: 'p_sol',
        amount: '50.00',
        disputeId: 'd1',
      }),
    ]);
    const unknown = await api.post('/v1/disputes/d_nope/resolution', KEYS.manager, {
      winnerPartnerId: 'p_sol',
      resolvedAt: '2026-03-20T00:00:00Z',
      note: 'n/a',
    });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'dispute.not_found' } });
  });
});
