import type {
  ChangePartnerTier,
  EnrollPartner,
  MarkPartnerOnboarded,
  PartnerCommand,
  RecordPricingViolation,
  ReleaseCommissions,
} from '../messages/commands';
import type { CommissionsReleased, PartnerEnrolled, PartnerOnboarded, PartnerTierChanged } from '../messages/events';
import { accept, assertNever, refuse, type Decision } from '../shared/decision';
import { eventIdSequence } from '../shared/ids';
import { isBefore } from '../shared/time';
import { tierAt, type PartnerState } from './partner-state';
import { VIOLATION_RULES, violationEvents } from './pricing-violation.rule';

/** Decides a command on one partner's stream. Guards run in precedence order; "not enrolled" comes first. */
export function decidePartner(command: PartnerCommand, state: PartnerState): Decision {
  const nextEventId = eventIdSequence(command.metadata.commandId);
  switch (command.type) {
    case 'EnrollPartner':
      return enroll(command, state, nextEventId);
    case 'ChangePartnerTier':
      return changeTier(command, state, nextEventId);
    case 'MarkPartnerOnboarded':
      return markOnboarded(command, state, nextEventId);
    case 'RecordPricingViolation':
      return recordViolation(command, state, nextEventId);
    case 'ReleaseCommissions':
      return release(command, state, nextEventId);
    default:
      return assertNever(command);
  }
}

function enroll(command: EnrollPartner, state: PartnerState, nextEventId: () => string): Decision {
  if (state.enrolled) return refuse('partner.already_enrolled', `partner ${state.partnerId} is already enrolled`, 'partnerId');
  const { partnerId, name, tier, enrolledAt } = command.data;
  const event: PartnerEnrolled = { type: 'PartnerEnrolled', eventId: nextEventId(), occurredAt: enrolledAt, data: { partnerId, name, tier, enrolledAt } };
  return accept([event], { status: 'recorded', partnerId, tier });
}

function changeTier(command: ChangePartnerTier, state: PartnerState, nextEventId: () => string): Decision {
  if (!state.enrolled) return notFound(command.data.partnerId);
  const { partnerId, changeId, tier, effectiveAt, reason } = command.data;
  // The enrolled tier is the first entry of the history; a change before it would have no tier to change from.
  if (isBefore(effectiveAt, state.enrolledAt!)) {
    return refuse('partner.tier_change_before_enrollment', `partner ${partnerId} was enrolled at ${state.enrolledAt}`, 'effectiveAt');
  }
  const fromTier = tierAt(state, effectiveAt).tier;
  if (fromTier === tier) return refuse('partner.tier_unchanged', `partner ${partnerId} is already ${tier} at ${effectiveAt}`, 'tier');
  const event: PartnerTierChanged = {
    type: 'PartnerTierChanged',
    eventId: nextEventId(),
    occurredAt: effectiveAt,
    data: { partnerId, changeId, fromTier, tier, effectiveAt, reason },
  };
  return accept([event], { status: 'recorded', partnerId, fromTier, tier });
}

function markOnboarded(command: MarkPartnerOnboarded, state: PartnerState, nextEventId: () => string): Decision {
  if (!state.enrolled) return notFound(command.data.partnerId);
  if (state.onboardedAt !== null) {
    return refuse('partner.already_onboarded', `partner ${state.partnerId} was onboarded at ${state.onboardedAt}`, 'occurredAt', {
      onboardedAt: state.onboardedAt,
    });
  }
  const { partnerId, occurredAt } = command.data;
  const event: PartnerOnboarded = { type: 'PartnerOnboarded', eventId: nextEventId(), occurredAt, data: { partnerId, onboardedAt: occurredAt } };
  return accept([event], { status: 'recorded', partnerId });
}

function recordViolation(command: RecordPricingViolation, state: PartnerState, nextEventId: () => string): Decision {
  if (!state.enrolled) return notFound(command.data.partnerId);
  const events = violationEvents(command, state, nextEventId);
  const consequence = events.length > 1 ? events[1]!.type : null;
  return accept(events, { status: 'recorded', partnerId: state.partnerId, sequence: state.violationCount + 1, consequence });
}

function release(command: ReleaseCommissions, state: PartnerState, nextEventId: () => string): Decision {
  if (!state.enrolled) return notFound(command.data.partnerId);
  if (!state.held) return refuse('partner.not_held', `partner ${state.partnerId} has no commissions on hold`, 'partnerId');
  const { partnerId, releaseId, occurredAt, reason } = command.data;
  const event: CommissionsReleased = {
    type: 'CommissionsReleased',
    eventId: nextEventId(),
    occurredAt,
    data: { partnerId, releaseId, reason, rule: VIOLATION_RULES.release, evidence: state.holdEventId ? [state.holdEventId] : [] },
  };
  return accept([event], { status: 'recorded', partnerId });
}

function notFound(partnerId: string): Decision {
  return refuse('partner.not_found', `partner ${partnerId} is not enrolled`, 'partnerId');
}
