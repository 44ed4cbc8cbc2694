import type { Tier } from '../messages/vocabulary';
import { toMs } from '../shared/time';

/**
 * What the ledger knows about one partner, folded from its `partner-{id}` stream by
 * `evolvePartner` (partner.evolve.ts). Other aggregates receive it read-only as context.
 */
export interface PartnerState {
  partnerId: string;
  /** False until `PartnerEnrolled`. */
  enrolled: boolean;
  name: string;
  enrolledAt: string | null;
  /** Tier changes in effect-time order; the first entry is the enrolled tier at `enrolledAt`. */
  tierHistory: { tier: Tier; effectiveAt: string; eventId: string }[];
  onboardedAt: string | null;
  /** Pricing violations recorded so far. */
  violationCount: number;
  /** True between `CommissionsHeld` and `CommissionsReleased`. */
  held: boolean;
  /** Business time of `PartnerRemoved`, if removed. */
  removedAt: string | null;
  /** Event ids of the hold/removal decisions, for evidence. */
  holdEventId: string | null;
  removalEventId: string | null;
}

export function initialPartnerState(partnerId: string): PartnerState {
  return {
    partnerId,
    enrolled: false,
    name: '',
    enrolledAt: null,
    tierHistory: [],
    onboardedAt: null,
    violationCount: 0,
    held: false,
    removedAt: null,
    holdEventId: null,
    removalEventId: null,
  };
}

/**
 * The tier in force at `at`: the last change whose `effectiveAt` is not after `at`; before the
 * first entry, the enrolled tier. Rates and payout timing depend on it, so a back-dated payment
 * earns at the tier of its own time (SPEC §4). `eventId` is the enrollment or tier-change event, cited
 * as evidence by the commission that used it.
 */
export function tierAt(partner: PartnerState, at: string): { tier: Tier; eventId: string } {
  const [enrolled, ...changes] = partner.tierHistory;
  if (!enrolled) throw new Error(`partner ${partner.partnerId} is not enrolled`);
  const atMs = toMs(at);
  let inForce = enrolled;
  // Entries are kept in effect-time order, equal instants in arrival order: the last one not after `at` wins.
  for (const change of changes) {
    if (toMs(change.effectiveAt) <= atMs) inForce = change;
  }
  return { tier: inForce.tier, eventId: inForce.eventId };
}

/** True when the partner was removed for pricing violations at or before `at`: it earns nothing from then on. */
export function isRemovedAt(partner: PartnerState, at: string): boolean {
  return partner.removedAt !== null && toMs(partner.removedAt) <= toMs(at);
}
