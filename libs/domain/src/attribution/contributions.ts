import type { AccountState, Moment } from '../accounts/account.state';
import { precedes } from '../accounts/account.state';
import { CONTRIBUTION_KINDS } from '../messages/vocabulary';
import { CONTRIBUTION_WINDOW_DAYS } from '../program/rules';
import { wholeDaysBetween } from '../shared/time';
import { ATTRIBUTION_RULES } from './attribution.rules';
import { type Credit, type View, unique, visible } from './introductions';

/**
 * What contributions are measured against (SPEC §4 "Attribution" rule 2): the latest won
 * opportunity in view, or, when none was won, the latest payment in view. Null before either.
 */
export function contributionAnchor(state: AccountState, view: View): Moment | null {
  const latest = (moments: Moment[]) =>
    moments
      .filter((m) => visible(m, view))
      .reduce<Moment | null>((a, m) => (a === null || precedes(a, m) ? m : a), null);
  const won = latest(
    state.opportunities.flatMap((o) => (o.closed?.outcome === 'won' ? [o.closed] : [])),
  );
  if (won) return won;
  return latest(state.payments.map((p) => ({ at: p.occurredAt, seq: p.seq, eventId: p.eventId })));
}

/**
 * Influenced credit by contribution: every partner with a `demo`, `reference`, `case_study` or
 * `co_sell_meeting` before the anchor and at most the contribution window (whole days) before it.
 */
export function contributionCredits(state: AccountState, view: View): Credit[] {
  const anchor = contributionAnchor(state, view);
  if (!anchor) return [];
  const byPartner = new Map<string, string[]>();
  for (const t of state.touchpoints) {
    if (!CONTRIBUTION_KINDS.includes(t.kind) || !visible(t, view) || !precedes(t, anchor)) continue;
    if (wholeDaysBetween(t.at, anchor.at) > CONTRIBUTION_WINDOW_DAYS) continue;
    byPartner.set(t.partnerId, [...(byPartner.get(t.partnerId) ?? []), t.eventId]);
  }
  return [...byPartner].map(([partnerId, ids]) => ({
    partnerId,
    rule: ATTRIBUTION_RULES.contribution,
    evidence: unique([...ids, anchor.eventId]),
  }));
}
