import { formatExact } from '@ledger/domain/money';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { COMMISSION_ADJUSTMENTS } from './commissions.schema';

/** What took money off a commission, and the fact that caused it. */
export interface AdjustmentCause {
  kind: 'refund' | 'churn' | 'dispute';
  /** The refund, churn or dispute id. */
  id: string;
  /** Churn only: whole days from the payment to the churn. */
  daysRetained?: number;
  /** Dispute only: the partner the commission moved to, and its new commission id. */
  toPartnerId?: string;
  newCommissionId?: string;
}

export interface CommissionAdjustment {
  kind: 'reversal' | 'clawback' | 'reassignment';
  eventId: string;
  commissionId: string;
  partnerId: string;
  accountId: string;
  paymentId: string;
  amount: string;
  currency: string;
  cause: AdjustmentCause;
  rule: string;
  planVersion: number | null;
  evidence: string[];
  occurredAt: string;
  recordedAt: string;
  /** The event's global position: with `occurredAt`, the order of the list and its cursor. */
  position: string;
}

export interface AdjustmentFilter {
  partnerId?: string;
  /** Business time of the refund, churn or resolution: inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
  /** Only what was recorded at or before this ledger time. */
  knownAt: string;
  /** Resume after this entry (`occurredAt` and `position` of the last one seen). */
  after?: { occurredAt: string; position: string };
  limit: number;
}

interface AdjustmentRow {
  event_id: string;
  kind: CommissionAdjustment['kind'];
  commission_id: string;
  partner_id: string;
  account_id: string;
  payment_id: string;
  amount: string;
  currency: string;
  cause_kind: AdjustmentCause['kind'];
  cause_id: string;
  days_retained: number | null;
  to_partner_id: string | null;
  new_commission_id: string | null;
  rule: string;
  plan_version: number | null;
  evidence: string[];
  occurred_at: string;
  recorded_at: string;
  position: string;
}

/** Reversals, clawbacks and reassignments with their causes, in business-time order, one page at a time. */
export async function commissionAdjustments(
  db: SqlQueryable,
  schema: string,
  filter: AdjustmentFilter,
): Promise<CommissionAdjustment[]> {
  const rows = await db.query<AdjustmentRow>(
    `SELECT event_id, kind, commission_id, partner_id, account_id, payment_id, amount::text AS amount, currency,
       cause_kind, cause_id, days_retained, to_partner_id, new_commission_id, rule, plan_version, evidence,
       occurred_at, recorded_at, position::text AS position
     FROM "${schema}"."${COMMISSION_ADJUSTMENTS}"
     WHERE recorded_at <= $1
       AND ($2::text IS NULL OR partner_id = $2)
       AND ($3::text IS NULL OR occurred_at >= $3) AND ($4::text IS NULL OR occurred_at < $4)
       AND ($5::text IS NULL OR (occurred_at, position) > ($5::text, $6::bigint))
     ORDER BY occurred_at, position
     LIMIT $7`,
    [
      filter.knownAt,
      filter.partnerId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.after?.occurredAt ?? null,
      filter.after?.position ?? null,
      filter.limit,
    ],
  );
  return rows.map(toAdjustment);
}

function toAdjustment(row: AdjustmentRow): CommissionAdjustment {
  const cause: AdjustmentCause = { kind: row.cause_kind, id: row.cause_id };
  if (row.days_retained !== null) cause.daysRetained = Number(row.days_retained);
  if (row.to_partner_id !== null) cause.toPartnerId = row.to_partner_id;
  if (row.new_commission_id !== null) cause.newCommissionId = row.new_commission_id;
  return {
    kind: row.kind,
    eventId: row.event_id,
    commissionId: row.commission_id,
    partnerId: row.partner_id,
    accountId: row.account_id,
    paymentId: row.payment_id,
    amount: formatExact(row.amount, row.currency),
    currency: row.currency,
    cause,
    rule: row.rule,
    planVersion: row.plan_version === null ? null : Number(row.plan_version),
    evidence: row.evidence,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    position: row.position,
  };
}
