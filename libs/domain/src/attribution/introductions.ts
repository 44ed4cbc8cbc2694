import type { AccountState, Moment } from '../accounts/account.state';
import { precedes } from '../accounts/account.state';
import { isActiveAt, wasAccepted } from '../accounts/registration-activity';
import { INTRODUCTION_KINDS } from '../messages/vocabulary';
import { REFERRAL_CLICK_WINDOW_DAYS } from '../program/rules';
import { toMs, wholeDaysBetween } from '../shared/time';
import { ATTRIBUTION_RULES } from './attribution.rules';

/**
 * The facts attribution may look at: business time not after `at`, and arrived before the
 * account event with rank `limit` (Infinity for everything known).
 */
export interface View {
  at: string;
  limit: number;
}

export function visible(moment: Pick<Moment, 'at' | 'seq'>, view: View): boolean {
  return toMs(moment.at) <= toMs(view.at) && moment.seq < view.limit;
}

/** One partner's claim to have introduced the account, with the events that make it valid. */
export interface Introduction {
  partnerId: string;
  moment: Moment;
  evidence: string[];
}

/** A credit a rule grants one partner, with the rule code and the events it used. */
export interface Credit {
  partnerId: string;
  rule: string;
  evidence: string[];
}

/** The sourced partner's credit; `sourcedAs` says how its first introduction qualified (new account or dormant lead). */
export interface SourcedCredit extends Credit {
  sourcedAs: string;
}

/** A sourced candidate: a partner whose first introduction makes it eligible to be the sourced partner. */
export interface Candidate extends Credit {
  introduction: Introduction;
}

/**
 * Every valid introduction: a `coupon` or `co_sell_intro` touchpoint, a `referral_click` followed
 * by the signup within the click window (before the signup it does not count yet), and an accepted
 * deal registration (introduced at its `submittedAt`).
 */
export function introductionsOf(state: AccountState, view: View): Introduction[] {
  const signup = state.signup && visible(state.signup, view) ? state.signup : null;
  const touches = state.touchpoints
    .filter((t) => INTRODUCTION_KINDS.includes(t.kind) && visible(t, view))
    .flatMap((t): Introduction[] => {
      const moment = { at: t.at, seq: t.seq, eventId: t.eventId };
      if (t.kind !== 'referral_click')
        return [{ partnerId: t.partnerId, moment, evidence: [t.eventId] }];
      if (
        !signup ||
        !precedes(t, signup) ||
        wholeDaysBetween(t.at, signup.at) > REFERRAL_CLICK_WINDOW_DAYS
      )
        return [];
      return [{ partnerId: t.partnerId, moment, evidence: [t.eventId, signup.eventId] }];
    });
  const registrations = state.registrations.filter(wasAccepted).flatMap((r): Introduction[] => {
    const moment = { at: r.submitted.at, seq: r.accepted.seq, eventId: r.accepted.eventId };
    return visible(moment, view)
      ? [{ partnerId: r.partnerId, moment, evidence: [r.accepted.eventId] }]
      : [];
  });
  return [...touches, ...registrations];
}

/** Each partner's first introduction (equal instants: earlier arrival), in introduction order. */
export function firstIntroductions(introductions: Introduction[]): Introduction[] {
  const first = new Map<string, Introduction>();
  for (const intro of introductions) {
    const known = first.get(intro.partnerId);
    if (!known || precedes(intro.moment, known.moment)) first.set(intro.partnerId, intro);
  }
  return [...first.values()].sort((a, b) => (precedes(a.moment, b.moment) ? -1 : 1));
}

/**
 * SPEC §4 "Attribution" rule 1, judged at the partner's first introduction: not in the CRM before
 * it → sourced candidate (new account); in the CRM but no opportunity open at that moment →
 * sourced candidate (dormant lead); in the CRM with an open opportunity → influenced.
 */
export function judgeIntroduction(
  state: AccountState,
  view: View,
  intro: Introduction,
): { candidate: Candidate } | { influenced: Credit } {
  const { partnerId, evidence } = intro;
  const crm =
    state.crm && visible(state.crm, view) && precedes(state.crm, intro.moment) ? state.crm : null;
  if (!crm) {
    return {
      candidate: { partnerId, rule: ATTRIBUTION_RULES.newAccount, evidence, introduction: intro },
    };
  }
  const open = state.opportunities.find(
    (o) =>
      visible(o.opened, view) &&
      precedes(o.opened, intro.moment) &&
      (o.closed === null || !visible(o.closed, view) || !precedes(o.closed, intro.moment)),
  );
  if (!open) {
    const cited = [...evidence, crm.eventId];
    return {
      candidate: {
        partnerId,
        rule: ATTRIBUTION_RULES.dormantLead,
        evidence: cited,
        introduction: intro,
      },
    };
  }
  const cited = [...evidence, crm.eventId, open.opened.eventId];
  return { influenced: { partnerId, rule: ATTRIBUTION_RULES.openOpportunity, evidence: cited } };
}

/**
 * Among the sourced candidates, the one holding an active accepted registration wins (the earliest
 * accepted, should there be several); otherwise the earliest introduction (first touch).
 */
export function pickSourced(
  state: AccountState,
  view: View,
  candidates: Candidate[],
): SourcedCredit | null {
  const registered = state.registrations
    .filter(wasAccepted)
    .filter((r) => visible(r.accepted, view) && isActiveAt(state, r, view.at))
    .filter((r) => candidates.some((c) => c.partnerId === r.partnerId))
    .sort((a, b) => (precedes(a.accepted, b.accepted) ? -1 : 1))[0];
  if (registered) {
    const candidate = candidates.find((c) => c.partnerId === registered.partnerId)!;
    const evidence = unique([...candidate.evidence, registered.accepted.eventId]);
    return {
      partnerId: candidate.partnerId,
      rule: ATTRIBUTION_RULES.registeredDeal,
      sourcedAs: candidate.rule,
      evidence,
    };
  }
  const first = candidates[0];
  if (!first) return null;
  return {
    partnerId: first.partnerId,
    rule: ATTRIBUTION_RULES.firstTouch,
    sourcedAs: first.rule,
    evidence: first.evidence,
  };
}

export function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
