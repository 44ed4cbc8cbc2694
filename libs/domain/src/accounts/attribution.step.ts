import { type AttributionOutcome, attributeAccount, sameOutcome } from '../attribution';
import { type AccountDraft, record } from './account-draft';

/**
 * Re-judges attribution at `at` from the draft's facts and records an `AttributionDecided`
 * (dated `occurredAt`, the business time of the fact that caused it) when the outcome differs from
 * the last one recorded, or always when `force` is set (a dispute resolution).
 */
export function rejudgeAttribution(
  draft: AccountDraft,
  at: string,
  occurredAt: string,
  force = false,
): AttributionOutcome {
  const outcome = attributeAccount(draft.state, at);
  if (!force && sameOutcome(draft.state.attribution, outcome)) return outcome;
  record(draft, 'AttributionDecided', occurredAt, {
    accountId: draft.state.accountId,
    sourced: outcome.sourced,
    influenced: outcome.influenced,
    ...(outcome.sourcedAs === null ? {} : { sourcedAs: outcome.sourcedAs }),
    credits: outcome.credits.map((c) => ({
      partnerId: c.partnerId,
      credit: c.credit,
      rule: c.rule,
      evidence: c.evidence,
    })),
    rule: outcome.rule,
    evidence: outcome.evidence,
  });
  return outcome;
}

/**
 * The instant attribution is judged at after a command that is not a payment: the latest business
 * time the account knows of, so a back-dated fact is judged together with everything known.
 */
export function latestInstant(draft: AccountDraft, fallback: string): string {
  return draft.state.latestAt ?? fallback;
}
