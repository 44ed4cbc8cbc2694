import type { PublishCommissionPlan } from '../messages/commands';
import type { Decision } from '../shared/decision';
import { eventIdFor } from '../shared/ids';
import { command, flatRates, planBookFrom, planPublished } from '../testing/partner-builders';
import { DEFAULT_PLAN } from './plan';
import { evolvePlans, initialPlanBook, planAt } from './plan-book';
import { decidePlans } from './plans.decide';

const publish = (over: Partial<PublishCommissionPlan['data']> = {}) =>
  command<PublishCommissionPlan>(
    'PublishCommissionPlan',
    { planId: 'default', version: 2, effectiveFrom: '2026-07-01T00:00:00.000Z', rates: flatRates('0.15'), influencedFactor: '0.5', basis: 'net', ...over },
    'PublishCommissionPlan:default:2',
  );
const codeOf = (decision: Decision) => (decision.kind === 'refused' ? decision.code : 'accepted');

describe('DEFAULT_PLAN (SPEC §4 table)', () => {
  it('pays 10% referral, 20% integration, 30% solution and 35% solution outcome, half for influence, on gross', () => {
    expect(DEFAULT_PLAN).toMatchObject({ planId: 'default', version: 1, effectiveFrom: '1970-01-01T00:00:00.000Z', influencedFactor: '0.5', basis: 'gross' });
    expect(Object.values(DEFAULT_PLAN.rates.referral)).toEqual(['0.10', '0.10', '0.10', '0.10']);
    expect(Object.values(DEFAULT_PLAN.rates.integration)).toEqual(['0.20', '0.20', '0.20', '0.20']);
    expect(DEFAULT_PLAN.rates.solution).toEqual({ monthly_subscription: '0.30', annual_subscription: '0.30', usage: '0.30', outcome: '0.35' });
  });
});

describe('planAt', () => {
  const v2 = planPublished({ version: 2, effectiveFrom: '2026-07-01T00:00:00.000Z', rates: flatRates('0.15') });
  const v3 = planPublished({ version: 3, effectiveFrom: '2026-03-01T00:00:00.000Z', rates: flatRates('0.12') });
  const book = planBookFrom(v2, v3);

  it.each([
    ['2026-02-28T23:59:59.999Z', 1, null],
    ['2026-03-01T00:00:00.000Z', 3, 'plan:default:v3'],
    ['2026-06-30T23:59:59.999Z', 3, 'plan:default:v3'],
    ['2026-07-01T00:00:00.000Z', 2, 'plan:default:v2'],
  ])('at %s the plan in force is version %s', (at, version, eventId) => {
    expect(planAt(book, at)).toMatchObject({ version, eventId });
  });

  it('breaks equal effectiveFrom by the higher version, then by the later arrival', () => {
    const sameStart = '2026-05-01T00:00:00.000Z';
    const byVersion = planBookFrom(planPublished({ planId: 'b', version: 5, effectiveFrom: sameStart }), planPublished({ planId: 'a', version: 4, effectiveFrom: sameStart }));
    expect(planAt(byVersion, sameStart)).toMatchObject({ planId: 'b', version: 5 });
    const byArrival = planBookFrom(planPublished({ planId: 'a', version: 2, effectiveFrom: sameStart }), planPublished({ planId: 'b', version: 2, effectiveFrom: sameStart }));
    expect(planAt(byArrival, sameStart).planId).toBe('b');
  });

  it('falls back to the built-in default before any plan starts', () => {
    expect(planAt(initialPlanBook(), '1969-12-31T00:00:00.000Z')).toMatchObject({ planId: 'default', version: 1, eventId: null });
  });

  it('ignores events that are not plan publications', () => {
    const book0 = initialPlanBook();
    expect(evolvePlans(book0, { type: 'SignupRecorded', eventId: 'e', occurredAt: '2026-01-01T00:00:00.000Z', data: { accountId: 'a' } })).toBe(book0);
  });
});

describe('decidePlans(PublishCommissionPlan)', () => {
  it('records a higher version as published, effective from its start', () => {
    const decision = decidePlans(publish(), initialPlanBook());
    expect(decision).toMatchObject({ kind: 'accepted', reply: { status: 'recorded', planId: 'default', version: 2 } });
    if (decision.kind !== 'accepted') return;
    expect(decision.events).toEqual([
      { type: 'CommissionPlanPublished', eventId: eventIdFor('PublishCommissionPlan:default:2', 0), occurredAt: '2026-07-01T00:00:00.000Z', data: publish().data },
    ]);
  });

  it('accepts version 1 of a new plan id', () => {
    expect(codeOf(decidePlans(publish({ planId: 'partners-2027', version: 1 }), initialPlanBook()))).toBe('accepted');
  });

  it('refuses a (planId, version) already published, including the built-in default v1', () => {
    expect(codeOf(decidePlans(publish({ version: 1 }), initialPlanBook()))).toBe('plan.version_exists');
    expect(codeOf(decidePlans(publish({ version: 3 }), planBookFrom(planPublished({ version: 3 }))))).toBe('plan.version_exists');
  });

  it('refuses a version not above the latest of its plan id', () => {
    const book = planBookFrom(planPublished({ version: 5 }));
    const decision = decidePlans(publish({ version: 4 }), book);
    expect(decision).toMatchObject({ kind: 'refused', code: 'plan.version_not_increasing', field: 'version', details: { latestVersion: 5 } });
    expect(codeOf(decidePlans(publish({ version: 6 }), book))).toBe('accepted');
  });

  it.each([
    [flatRates('1.01'), '0.5', 'rates.referral.monthly_subscription'],
    [flatRates('0.2', { solution: { outcome: '-0.01' } }), '0.5', 'rates.solution.outcome'],
    [flatRates('0.2'), '1.5', 'influencedFactor'],
  ])('refuses a rate outside [0, 1] naming its field', (rates, influencedFactor, field) => {
    expect(decidePlans(publish({ rates, influencedFactor }), initialPlanBook())).toMatchObject({ kind: 'refused', code: 'plan.invalid_rate', field });
  });

  it('accepts the bounds 0 and 1', () => {
    expect(codeOf(decidePlans(publish({ rates: flatRates('0', { solution: { outcome: '1' } }), influencedFactor: '1' }), initialPlanBook()))).toBe('accepted');
  });
});
