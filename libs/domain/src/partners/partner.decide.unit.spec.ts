import type {
  ChangePartnerTier,
  EnrollPartner,
  MarkPartnerOnboarded,
  RecordPricingViolation,
  ReleaseCommissions,
} from '../messages/commands';
import type { LedgerEvent } from '../messages/events';
import type { Accepted, Decision, Refusal } from '../shared/decision';
import { eventIdFor } from '../shared/ids';
import { command, partnerEnrolled, partnerFrom, tierChanged, T0 } from '../testing/partner-builders';
import { initialPartnerState, type PartnerState } from './partner-state';
import { decidePartner } from './partner.decide';
import { evolvePartner } from './partner.evolve';

const enrolled = () => partnerFrom([partnerEnrolled({ tier: 'referral' })]);

function accepted(decision: Decision): Accepted {
  if (decision.kind !== 'accepted') throw new Error(`expected acceptance, got ${decision.code}`);
  return decision;
}
function refused(decision: Decision): Refusal {
  if (decision.kind !== 'refused') throw new Error(`expected a refusal, got ${decision.events.map((e) => e.type)}`);
  return decision;
}
const apply = (state: PartnerState, events: LedgerEvent[]) => events.reduce(evolvePartner, state);

const violation = (n: number) =>
  command<RecordPricingViolation>('RecordPricingViolation', { partnerId: 'p1', violationId: `v${n}`, occurredAt: `2026-02-0${n}T00:00:00.000Z`, detail: 'listed below MAP' }, `RecordPricingViolation:v${n}`);

describe('EnrollPartner', () => {
  const enroll = command<EnrollPartner>('EnrollPartner', { partnerId: 'p1', name: 'Acme', tier: 'solution', enrolledAt: T0 }, 'EnrollPartner:p1');

  it('given no partner, records the enrollment with the deterministic first event id', () => {
    const decision = accepted(decidePartner(enroll, initialPartnerState('p1')));
    expect(decision.events).toEqual([
      { type: 'PartnerEnrolled', eventId: eventIdFor('EnrollPartner:p1', 0), occurredAt: T0, data: { partnerId: 'p1', name: 'Acme', tier: 'solution', enrolledAt: T0 } },
    ]);
    const state = apply(initialPartnerState('p1'), decision.events);
    expect(state).toMatchObject({ enrolled: true, name: 'Acme', enrolledAt: T0, tierHistory: [{ tier: 'solution', effectiveAt: T0 }] });
  });

  it('given an enrolled partner, refuses partner.already_enrolled', () => {
    expect(refused(decidePartner(enroll, enrolled()))).toMatchObject({ code: 'partner.already_enrolled', field: 'partnerId' });
  });
});

describe('ChangePartnerTier', () => {
  const change = (tier: 'referral' | 'integration' | 'solution', effectiveAt: string, changeId = 'c1') =>
    command<ChangePartnerTier>('ChangePartnerTier', { partnerId: 'p1', changeId, tier, effectiveAt, reason: 'grew' }, `ChangePartnerTier:${changeId}`);

  it('records the tier it changes from', () => {
    const decision = accepted(decidePartner(change('solution', '2026-03-01T00:00:00.000Z'), enrolled()));
    expect(decision.events[0]).toMatchObject({ type: 'PartnerTierChanged', occurredAt: '2026-03-01T00:00:00.000Z', data: { fromTier: 'referral', tier: 'solution' } });
  });

  it('names, for a back-dated change, the tier in force at its own effective time', () => {
    const state = partnerFrom([partnerEnrolled({ tier: 'referral' }), tierChanged({ tier: 'solution', effectiveAt: '2026-06-01T00:00:00.000Z' })]);
    const decision = accepted(decidePartner(change('integration', '2026-03-01T00:00:00.000Z', 'c2'), state));
    expect(decision.events[0]!.data).toMatchObject({ fromTier: 'referral', tier: 'integration' });
  });

  it('refuses an unknown partner with partner.not_found', () => {
    expect(refused(decidePartner(change('solution', T0), initialPartnerState('p1')))).toMatchObject({ code: 'partner.not_found', field: 'partnerId' });
  });

  it('refuses a change before enrollment and a change to the tier already in force', () => {
    expect(refused(decidePartner(change('solution', '2025-12-31T23:59:59.999Z'), enrolled())).code).toBe('partner.tier_change_before_enrollment');
    expect(refused(decidePartner(change('referral', '2026-02-01T00:00:00.000Z'), enrolled())).code).toBe('partner.tier_unchanged');
  });
});

describe('MarkPartnerOnboarded', () => {
  const onboard = (occurredAt: string) => command<MarkPartnerOnboarded>('MarkPartnerOnboarded', { partnerId: 'p1', occurredAt }, 'MarkPartnerOnboarded:p1');

  it('records onboarding once and refuses a second time', () => {
    const first = accepted(decidePartner(onboard('2026-01-10T00:00:00.000Z'), enrolled()));
    expect(first.events[0]).toMatchObject({ type: 'PartnerOnboarded', data: { onboardedAt: '2026-01-10T00:00:00.000Z' } });
    const again = refused(decidePartner(onboard('2026-01-20T00:00:00.000Z'), apply(enrolled(), first.events)));
    expect(again).toMatchObject({ code: 'partner.already_onboarded', details: { onboardedAt: '2026-01-10T00:00:00.000Z' } });
  });

  it('refuses an unknown partner', () => {
    expect(refused(decidePartner(onboard(T0), initialPartnerState('p1'))).code).toBe('partner.not_found');
  });
});

describe('RecordPricingViolation: the warn / hold / remove ladder', () => {
  /** Runs violations 1..n in order and returns each decision's events. */
  function ladder(n: number): { rounds: LedgerEvent[][]; state: PartnerState } {
    let state = enrolled();
    const rounds: LedgerEvent[][] = [];
    for (let i = 1; i <= n; i++) {
      const events = accepted(decidePartner(violation(i), state)).events;
      rounds.push(events);
      state = apply(state, events);
    }
    return { rounds, state };
  }

  it('1st → PartnerWarned citing the violation event', () => {
    const [first] = ladder(1).rounds;
    expect(first!.map((e) => e.type)).toEqual(['PricingViolationRecorded', 'PartnerWarned']);
    expect(first![0]!.data).toMatchObject({ sequence: 1, violationId: 'v1' });
    expect(first![1]!.data).toEqual({ partnerId: 'p1', violationId: 'v1', rule: 'pricing_violation.first_warning', evidence: [first![0]!.eventId] });
  });

  it('2nd → CommissionsHeld, and the partner is held', () => {
    const { rounds, state } = ladder(2);
    expect(rounds[1]!.map((e) => e.type)).toEqual(['PricingViolationRecorded', 'CommissionsHeld']);
    expect(rounds[1]![1]!.data).toMatchObject({ rule: 'pricing_violation.second_hold', evidence: [rounds[1]![0]!.eventId] });
    expect(state).toMatchObject({ held: true, holdEventId: rounds[1]![1]!.eventId, removedAt: null, violationCount: 2 });
  });

  it('3rd → PartnerRemoved at the violation time', () => {
    const { rounds, state } = ladder(3);
    expect(rounds[2]!.map((e) => e.type)).toEqual(['PricingViolationRecorded', 'PartnerRemoved']);
    expect(rounds[2]![1]!.data).toMatchObject({ rule: 'pricing_violation.third_removal', evidence: [rounds[2]![0]!.eventId] });
    expect(state.removedAt).toBe('2026-02-03T00:00:00.000Z');
    expect(state.removalEventId).toBe(rounds[2]![1]!.eventId);
  });

  it('4th → only recorded, with sequence 4', () => {
    const { rounds, state } = ladder(4);
    expect(rounds[3]!.map((e) => e.type)).toEqual(['PricingViolationRecorded']);
    expect(rounds[3]![0]!.data).toMatchObject({ sequence: 4 });
    expect(state.violationCount).toBe(4);
    expect(state.removedAt).toBe('2026-02-03T00:00:00.000Z');
  });

  it('refuses a violation of an unknown partner', () => {
    expect(refused(decidePartner(violation(1), initialPartnerState('p1'))).code).toBe('partner.not_found');
  });
});

describe('ReleaseCommissions', () => {
  const releaseCmd = command<ReleaseCommissions>('ReleaseCommissions', { partnerId: 'p1', releaseId: 'r1', occurredAt: '2026-03-01T00:00:00.000Z', reason: 'fixed listing' });

  it('given a held partner, releases the hold citing the hold event', () => {
    let state = enrolled();
    for (const n of [1, 2]) state = apply(state, accepted(decidePartner(violation(n), state)).events);
    const decision = accepted(decidePartner(releaseCmd, state));
    expect(decision.events[0]).toMatchObject({ type: 'CommissionsReleased', data: { rule: 'pricing_violation.hold_released', evidence: [state.holdEventId] } });
    expect(apply(state, decision.events).held).toBe(false);
  });

  it('given a partner that is not held, refuses partner.not_held', () => {
    expect(refused(decidePartner(releaseCmd, enrolled())).code).toBe('partner.not_held');
  });
});
