import { ATTRIBUTION_RULES } from '@ledger/domain/attribution/attribution.rules';
import { qualified, type SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { ATTRIBUTION_ACCOUNTS, ATTRIBUTION_DECISIONS } from './account-attribution.schema';

export interface AttributionQuery {
  accountId: string;
  /** The attribution in force at this business time. */
  asOf?: string;
  /** As the ledger knew it at this ledger time. */
  knownAt?: string;
}

/** One partner's credit on the account and the rule and events that granted it. */
export interface AttributionCredit {
  partnerId: string;
  credit: 'sourced' | 'influenced';
  rule: string;
  evidence: string[];
}

export interface AccountAttribution {
  accountId: string;
  sourcedPartnerId: string | null;
  influencedPartnerIds: string[];
  /** The rule of the deciding `AttributionDecided`; `attribution.no_credit` when nothing was decided yet. */
  rule: string;
  /** The event ids the decision relied on. */
  evidence: string[];
  credits: AttributionCredit[];
  /** The `AttributionDecided` event answering, with its business and ledger time; null when none. */
  decision: { eventId: string; occurredAt: string; recordedAt: string } | null;
}

interface DecisionRow {
  event_id: string;
  occurred_at: string;
  recorded_at: string;
  sourced_partner_id: string | null;
  influenced_partner_ids: string[];
  rule: string;
  evidence: string[];
  credits_json: string;
}

/**
 * The attribution of an account, or null for an account the ledger has never heard of.
 *
 * It is the last decision the ledger recorded (commit order) among those whose business time is not
 * after `asOf` and that were recorded by `knownAt`. Commit order, not business time, picks it: a
 * back-dated fact makes the ledger record a decision dated in the past, and that later decision,
 * made with more facts, is the better answer for every instant after its business time.
 */
export async function readAttribution(
  db: SqlQueryable,
  schema: string,
  query: AttributionQuery,
): Promise<AccountAttribution | null> {
  const [decision] = await db.query<DecisionRow>(
    `SELECT event_id, occurred_at, recorded_at, sourced_partner_id, influenced_partner_ids, rule, evidence, credits_json
       FROM ${qualified(schema, ATTRIBUTION_DECISIONS)}
      WHERE account_id = $1 AND ($2::text IS NULL OR occurred_at <= $2::text) AND ($3::text IS NULL OR recorded_at <= $3::text)
      ORDER BY transaction_id DESC, global_position DESC
      LIMIT 1`,
    [query.accountId, query.asOf ?? null, query.knownAt ?? null],
  );
  if (decision) return fromDecision(query.accountId, decision);
  const known = await db.query(
    `SELECT 1 FROM ${qualified(schema, ATTRIBUTION_ACCOUNTS)} WHERE account_id = $1`,
    [query.accountId],
  );
  if (known.length === 0) return null;
  return {
    accountId: query.accountId,
    sourcedPartnerId: null,
    influencedPartnerIds: [],
    rule: ATTRIBUTION_RULES.noCredit,
    evidence: [],
    credits: [],
    decision: null,
  };
}

function fromDecision(accountId: string, row: DecisionRow): AccountAttribution {
  return {
    accountId,
    sourcedPartnerId: row.sourced_partner_id,
    influencedPartnerIds: row.influenced_partner_ids,
    rule: row.rule,
    evidence: row.evidence,
    credits: JSON.parse(row.credits_json) as AttributionCredit[],
    decision: { eventId: row.event_id, occurredAt: row.occurred_at, recordedAt: row.recorded_at },
  };
}
