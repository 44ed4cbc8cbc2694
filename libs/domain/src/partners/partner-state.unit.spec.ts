import { evolvePartner } from './partner.evolve';
import { initialPartnerState, isRemovedAt, tierAt } from './partner-state';
import { partnerEnrolled, partnerFrom, tierChanged } from '../testing/partner-builders';

describe('tierAt', () => {
  const partner = partnerFrom([
    partnerEnrolled({ tier: 'referral', enrolledAt: '2026-01-01T00:00:00.000Z' }),
    tierChanged({ changeId: 'to-solution', tier: 'solution', effectiveAt: '2026-06-01T00:00:00.000Z' }),
    // Recorded later but effective earlier: it must read in business-time order.
    tierChanged({ changeId: 'to-integration', tier: 'integration', effectiveAt: '2026-03-01T00:00:00.000Z' }),
  ]);

  it.each([
    ['2025-12-01T00:00:00.000Z', 'referral', 'enrolled:p1'],
    ['2026-01-01T00:00:00.000Z', 'referral', 'enrolled:p1'],
    ['2026-02-28T23:59:59.999Z', 'referral', 'enrolled:p1'],
    ['2026-03-01T00:00:00.000Z', 'integration', 'tier:to-integration'],
    ['2026-05-31T23:59:59.999Z', 'integration', 'tier:to-integration'],
    ['2026-06-01T00:00:00.000Z', 'solution', 'tier:to-solution'],
  ])('at %s the tier is %s (evidence %s)', (at, tier, eventId) => {
    expect(tierAt(partner, at)).toEqual({ tier, eventId });
  });

  it('keeps arrival order between changes effective at the same instant', () => {
    const same = partnerFrom([
      partnerEnrolled(),
      tierChanged({ changeId: 'a', tier: 'integration', effectiveAt: '2026-03-01T00:00:00.000Z' }),
      tierChanged({ changeId: 'b', tier: 'solution', effectiveAt: '2026-03-01T00:00:00.000Z' }),
    ]);
    expect(tierAt(same, '2026-03-01T00:00:00.000Z').tier).toBe('solution');
  });

  it('refuses to answer for a partner that was never enrolled', () => {
    expect(() => tierAt(initialPartnerState('p9'), '2026-01-01T00:00:00.000Z')).toThrow('not enrolled');
  });
});

describe('evolvePartner', () => {
  it('ignores events of other streams', () => {
    const state = initialPartnerState('p1');
    const unrelated = { type: 'SignupRecorded', eventId: 'e', occurredAt: '2026-01-01T00:00:00.000Z', data: { accountId: 'a' } } as const;
    expect(evolvePartner(state, unrelated)).toBe(state);
  });

  it('marks removal from its business time on, not before', () => {
    const removed = evolvePartner(partnerFrom([partnerEnrolled()]), {
      type: 'PartnerRemoved',
      eventId: 'removed',
      occurredAt: '2026-04-01T00:00:00.000Z',
      data: { partnerId: 'p1', violationId: 'v3', rule: 'pricing_violation.third_removal', evidence: ['v'] },
    });
    expect(isRemovedAt(removed, '2026-03-31T23:59:59.999Z')).toBe(false);
    expect(isRemovedAt(removed, '2026-04-01T00:00:00.000Z')).toBe(true);
  });
});
