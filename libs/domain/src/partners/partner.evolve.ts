import type { LedgerEvent } from '../messages/events';
import { toMs } from '../shared/time';
import type { PartnerState } from './partner-state';

/**
 * Folds one event of the `partner-{id}` stream into the partner's state. Events of other streams
 * leave it unchanged, so callers may feed any event.
 */
export function evolvePartner(state: PartnerState, event: LedgerEvent): PartnerState {
  switch (event.type) {
    case 'PartnerEnrolled':
      return {
        ...state,
        enrolled: true,
        name: event.data.name,
        enrolledAt: event.data.enrolledAt,
        tierHistory: [{ tier: event.data.tier, effectiveAt: event.data.enrolledAt, eventId: event.eventId }],
      };
    case 'PartnerTierChanged':
      return { ...state, tierHistory: withChange(state.tierHistory, event.data.tier, event.data.effectiveAt, event.eventId) };
    case 'PartnerOnboarded':
      return { ...state, onboardedAt: event.data.onboardedAt };
    case 'PricingViolationRecorded':
      return { ...state, violationCount: Math.max(state.violationCount, event.data.sequence) };
    case 'CommissionsHeld':
      return { ...state, held: true, holdEventId: event.eventId };
    case 'CommissionsReleased':
      return { ...state, held: false };
    case 'PartnerRemoved':
      return { ...state, removedAt: event.occurredAt, removalEventId: event.eventId };
    default:
      return state;
  }
}

/**
 * Inserts a tier change in effect-time order after every entry that is not later, so changes recorded
 * out of order (back-dated) still read in business-time order, and equal instants keep arrival order.
 * The enrollment entry stays first: changes before enrollment are refused by `decidePartner`.
 */
function withChange(
  history: PartnerState['tierHistory'],
  tier: PartnerState['tierHistory'][number]['tier'],
  effectiveAt: string,
  eventId: string,
): PartnerState['tierHistory'] {
  const atMs = toMs(effectiveAt);
  let index = history.length;
  while (index > 1 && toMs(history[index - 1]!.effectiveAt) > atMs) index--;
  return [...history.slice(0, index), { tier, effectiveAt, eventId }, ...history.slice(index)];
}
