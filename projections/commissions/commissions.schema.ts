/**
 * The commission read model: one line per commission and one row per adjustment of a commission.
 * Amounts are `numeric` (exact, summed in SQL); instants are the ledger's fixed-width UTC text
 * (`2026-03-01T10:00:00.000Z`), so text order is time order and values round-trip unchanged.
 * Every row keeps both times of its event: `occurred_at` (business time, filtered by `asOf`) and
 * `recorded_at` (ledger time, filtered by `knownAt`), which makes any past statement reproducible.
 */
export const COMMISSION_LINES = 'commission_lines';
export const COMMISSION_ADJUSTMENTS = 'commission_adjustments';

export function commissionsDdl(schema: string): string[] {
  const t = (table: string) => `"${schema}"."${table}"`;
  return [
    // One row per commission: earned by a payment, or moved to a dispute's winner (origin `reassigned`,
    // whose basis and rate are those of `source_commission_id`).
    `CREATE TABLE ${t(COMMISSION_LINES)} (
      commission_id text PRIMARY KEY,
      origin text NOT NULL CHECK (origin IN ('earned', 'reassigned')),
      partner_id text NOT NULL,
      account_id text NOT NULL,
      payment_id text NOT NULL,
      credit text,
      tier text,
      revenue_model text,
      basis numeric,
      rate numeric,
      amount numeric NOT NULL,
      currency text NOT NULL,
      rule text NOT NULL,
      plan_id text,
      plan_version integer,
      payable_from text NOT NULL,
      held_when_earned boolean,
      source_commission_id text,
      dispute_id text,
      evidence jsonb NOT NULL,
      event_id text NOT NULL,
      occurred_at text NOT NULL,
      recorded_at text NOT NULL,
      position bigint NOT NULL)`,
    // Covers a balance (SPEC §5 `GET /v1/partners/{id}/balance`): its sums read the index alone, so a
    // partner with thousands of commissions is answered without visiting their scattered rows.
    `CREATE INDEX commission_lines_partner_idx ON ${t(COMMISSION_LINES)} (partner_id, occurred_at)
       INCLUDE (recorded_at, currency, amount, payable_from)`,
    // One row per event that takes money off a commission: a refund's reversal, a churn's clawback,
    // or a dispute's reassignment away from the losing partner.
    `CREATE TABLE ${t(COMMISSION_ADJUSTMENTS)} (
      event_id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('reversal', 'clawback', 'reassignment')),
      commission_id text NOT NULL,
      partner_id text NOT NULL,
      account_id text NOT NULL,
      payment_id text NOT NULL,
      amount numeric NOT NULL,
      currency text NOT NULL,
      cause_kind text NOT NULL CHECK (cause_kind IN ('refund', 'churn', 'dispute')),
      cause_id text NOT NULL,
      days_retained integer,
      to_partner_id text,
      new_commission_id text,
      rule text NOT NULL,
      plan_version integer,
      evidence jsonb NOT NULL,
      occurred_at text NOT NULL,
      recorded_at text NOT NULL,
      position bigint NOT NULL)`,
    `CREATE INDEX commission_adjustments_partner_idx ON ${t(COMMISSION_ADJUSTMENTS)} (partner_id, occurred_at)
       INCLUDE (recorded_at, kind, currency, amount, commission_id)`,
    `CREATE INDEX commission_adjustments_commission_idx ON ${t(COMMISSION_ADJUSTMENTS)} (commission_id)`,
  ];
}
