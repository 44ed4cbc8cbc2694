import type { AccountState } from '../accounts/account.state';
import type { CreditClaim } from '../commissions/commission-position';
import { ATTRIBUTION_RULES } from './attribution.rules';
import { contributionCredits } from './contributions';
import {
  type Candidate,
  type Credit,
  type SourcedCredit,
  type View,
  firstIntroductions,
  introductionsOf,
  judgeIntroduction,
  pickSourced,
  unique,
} from './introductions';

/** Who gets credit for an account, why, and the events that decided it. */
export interface AttributionOutcome {
  /** The one sourced partner, or null. */
  sourced: string | null;
  /** How the sourced partner's first introduction qualified (`attribution.new_account` / `attribution.dormant_lead`). */
  sourcedAs: string | null;
  /** Influenced partners, sorted; never the sourced partner. */
  influenced: string[];
  /** The rule that named the sourced partner, else the first influenced credit's rule, else `attribution.no_credit`. */
  rule: string;
  /** Every event id the decision used, in the order the credits cite them. */
  evidence: string[];
  /** The sourced credit first, then the influenced ones in partner order. */
  credits: CreditClaim[];
}

/**
 * Who sourced and who influenced the account, judged at `at` from the facts in `state` (SPEC §4
 * "Attribution", docs/decisions.md). Pure: the account aggregate calls it to decide, the read side
 * to answer "who sourced this account?".
 *
 * `at` bounds the business time of the facts used, with two exceptions that settle the past once
 * and for all: the sourced partner is locked as it was judged at the account's first payment (from
 * the facts that had arrived by then), and the latest resolved dispute names the sourced partner
 * outright. After a dispute the winner holds all of the account's credit, as the dispute also moved
 * every other partner's outstanding commissions to it.
 */
export function attributeAccount(state: AccountState, at: string): AttributionOutcome {
  const settled = latestResolution(state);
  if (settled) {
    const evidence = [settled.eventId];
    const credit: CreditClaim = {
      partnerId: settled.winnerPartnerId,
      credit: 'sourced',
      rule: ATTRIBUTION_RULES.disputeResolution,
      evidence,
    };
    return {
      sourced: credit.partnerId,
      sourcedAs: null,
      influenced: [],
      rule: credit.rule,
      evidence,
      credits: [credit],
    };
  }
  const now = judge(state, { at, limit: Infinity });
  const firstPayment = state.payments[0];
  const sourced = firstPayment
    ? judge(state, { at: firstPayment.occurredAt, limit: firstPayment.seq }).sourced
    : now.sourced;
  const influenced = mergeByPartner([
    ...now.influenced,
    ...contributionCredits(state, { at, limit: Infinity }),
  ]).filter((c) => c.partnerId !== sourced?.partnerId);
  return assemble(sourced, influenced);
}

function judge(
  state: AccountState,
  view: View,
): { sourced: SourcedCredit | null; influenced: Credit[] } {
  const candidates: Candidate[] = [];
  const influenced: Credit[] = [];
  for (const intro of firstIntroductions(introductionsOf(state, view))) {
    const judged = judgeIntroduction(state, view, intro);
    if ('candidate' in judged) candidates.push(judged.candidate);
    else influenced.push(judged.influenced);
  }
  return { sourced: pickSourced(state, view, candidates), influenced };
}

/** One influenced credit per partner: the first rule that granted it, citing the evidence of every rule. */
function mergeByPartner(credits: Credit[]): Credit[] {
  const merged = new Map<string, Credit>();
  for (const c of credits) {
    const known = merged.get(c.partnerId);
    merged.set(
      c.partnerId,
      known ? { ...known, evidence: unique([...known.evidence, ...c.evidence]) } : c,
    );
  }
  return [...merged.values()].sort((a, b) =>
    a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0,
  );
}

function assemble(sourced: SourcedCredit | null, influenced: Credit[]): AttributionOutcome {
  const credits: CreditClaim[] = [
    ...(sourced
      ? [
          {
            partnerId: sourced.partnerId,
            credit: 'sourced' as const,
            rule: sourced.rule,
            evidence: sourced.evidence,
          },
        ]
      : []),
    ...influenced.map((c) => ({
      partnerId: c.partnerId,
      credit: 'influenced' as const,
      rule: c.rule,
      evidence: c.evidence,
    })),
  ];
  return {
    sourced: sourced?.partnerId ?? null,
    sourcedAs: sourced?.sourcedAs ?? null,
    influenced: influenced.map((c) => c.partnerId),
    rule: credits[0]?.rule ?? ATTRIBUTION_RULES.noCredit,
    evidence: unique(credits.flatMap((c) => c.evidence)),
    credits,
  };
}

function latestResolution(
  state: AccountState,
): { winnerPartnerId: string; eventId: string } | null {
  let latest: { winnerPartnerId: string; eventId: string; seq: number } | null = null;
  for (const d of state.disputes) {
    if (d.resolution && (latest === null || d.resolution.seq > latest.seq)) latest = d.resolution;
  }
  return latest;
}

/** True when `outcome` says the same as the last recorded decision: same partners under the same rule. */
export function sameOutcome(
  recorded: AccountState['attribution'],
  outcome: AttributionOutcome,
): boolean {
  if (recorded === null) return outcome.sourced === null && outcome.influenced.length === 0;
  return (
    recorded.sourced === outcome.sourced &&
    recorded.rule === outcome.rule &&
    recorded.influenced.length === outcome.influenced.length &&
    recorded.influenced.every((p, i) => p === outcome.influenced[i])
  );
}
