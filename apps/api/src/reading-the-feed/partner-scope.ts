import type { PartnerScope } from '../auth/caller-scope';

/**
 * Whose events a feed reader may see: everything, or only events naming one of its partners (a
 * `partner:<id>` key). The API key guard works it out from the route's declared access.
 */
export type FeedScope = PartnerScope;

/** Fields of event data that name a single partner. */
const PARTNER_FIELDS = [
  'partnerId',
  'fromPartnerId',
  'toPartnerId',
  'sourced',
  'winnerPartnerId',
  'claimantPartnerId',
] as const;
/** Fields of event data that list partners. */
const PARTNER_LIST_FIELDS = ['influenced', 'loserPartnerIds'] as const;

/**
 * True when the event's data names one of the partners: as its partner, as either side of a
 * reassignment, as sourced or influenced in an attribution, or as a dispute's claimant, winner or
 * loser. Anything else (a payment, an account's CRM record, another partner's commission) is not
 * its event, so a partner never sees another partner's business.
 */
export function namesPartner(
  data: Readonly<Record<string, unknown>>,
  partnerIds: ReadonlySet<string>,
): boolean {
  for (const field of PARTNER_FIELDS) {
    const value = data[field];
    if (typeof value === 'string' && partnerIds.has(value)) return true;
  }
  for (const field of PARTNER_LIST_FIELDS) {
    const value = data[field];
    if (
      Array.isArray(value) &&
      value.some((item) => typeof item === 'string' && partnerIds.has(item))
    )
      return true;
  }
  return false;
}
