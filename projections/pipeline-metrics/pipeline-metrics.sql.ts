import { qualified } from '@ledger/event-store/sql/sql-client';
import { PIPELINE_TABLES as T } from './pipeline-metrics.schema';

/**
 * The SQL behind the pipeline metrics. `$1` is the window's start (inclusive) and `$2` its end
 * (exclusive), both `timestamptz` or NULL for an open end. Money stays `numeric` and leaves the
 * database as text.
 */

/**
 * The attribution in force at `at` for account `account` (both SQL expressions): the last decision
 * recorded (commit order) among those dated at or before `at`. `strict` uses "before" instead, for
 * the exclusive end of a window.
 */
function attributionAt(schema: string, account: string, at: string, strict = false): string {
  return `SELECT a.sourced_partner_id, a.influenced_partner_ids FROM ${qualified(schema, T.attributions)} a
           WHERE a.account_id = ${account} AND (${at} IS NULL OR a.occurred_at ${strict ? '<' : '<='} ${at})
           ORDER BY a.transaction_id DESC, a.global_position DESC LIMIT 1`;
}

const IN_WINDOW = (column: string) =>
  `($1::timestamptz IS NULL OR ${column} >= $1::timestamptz) AND ($2::timestamptz IS NULL OR ${column} < $2::timestamptz)`;

/**
 * Net revenue in the window grouped by currency and by the attribution in force at each payment:
 * payments dated in the window, less refunds dated in the window (a refund takes its payment's
 * attribution). One row per (currency, sourced partner, influenced-only) with the net amount and
 * how many payments (not refunds) it holds.
 */
export function revenueSql(schema: string): string {
  return `
    WITH revenue AS (
      SELECT p.account_id, p.currency, p.amount, p.occurred_at AS attributed_at, 1 AS is_payment
        FROM ${qualified(schema, T.payments)} p
       WHERE ${IN_WINDOW('p.occurred_at')}
      UNION ALL
      SELECT p.account_id, p.currency, -r.amount, p.occurred_at, 0
        FROM ${qualified(schema, T.refunds)} r
        JOIN ${qualified(schema, T.payments)} p ON p.payment_id = r.payment_id
       WHERE ${IN_WINDOW('r.occurred_at')}
    )
    SELECT rv.currency,
           att.sourced_partner_id,
           COALESCE(att.sourced_partner_id IS NULL AND cardinality(att.influenced_partner_ids) > 0, false) AS influenced_only,
           sum(rv.amount)::text AS amount,
           sum(rv.is_payment)::int AS payments
      FROM revenue rv
      LEFT JOIN LATERAL (${attributionAt(schema, 'rv.account_id', 'rv.attributed_at')}) att ON true
     GROUP BY rv.currency, att.sourced_partner_id, 3
     ORDER BY rv.currency, att.sourced_partner_id`;
}

/**
 * Opportunities closed (won or lost) in the window, counted by outcome and by how partners were
 * involved at the close: `sourced` (the attribution in force names a sourced partner) and
 * `involved` (it names any partner, or a partner touchpoint or accepted deal registration on the
 * account is dated at or before the close).
 */
export function closedOpportunitiesSql(schema: string): string {
  return `
    SELECT count(*) FILTER (WHERE c.outcome = 'won')::int AS won,
           count(*) FILTER (WHERE c.outcome = 'won' AND x.involved)::int AS won_involved,
           count(*) FILTER (WHERE x.sourced)::int AS sourced_closed,
           count(*) FILTER (WHERE x.sourced AND c.outcome = 'won')::int AS sourced_won,
           count(*) FILTER (WHERE NOT x.involved)::int AS direct_closed,
           count(*) FILTER (WHERE NOT x.involved AND c.outcome = 'won')::int AS direct_won
      FROM ${qualified(schema, T.closes)} c
      JOIN ${qualified(schema, T.opportunities)} o ON o.opportunity_id = c.opportunity_id
      LEFT JOIN ${qualified(schema, T.involvements)} i ON i.account_id = o.account_id
      LEFT JOIN LATERAL (${attributionAt(schema, 'o.account_id', 'c.closed_at')}) att ON true
     CROSS JOIN LATERAL (
       SELECT att.sourced_partner_id IS NOT NULL AS sourced,
              (att.sourced_partner_id IS NOT NULL
               OR COALESCE(cardinality(att.influenced_partner_ids), 0) > 0
               OR COALESCE(i.first_involved_at <= c.closed_at, false)) AS involved
     ) x
     WHERE ${IN_WINDOW('c.closed_at')}`;
}

/**
 * Open pipeline at the end of the window, per currency: opportunities opened before it and not
 * won or lost before it, on accounts whose attribution in force just before it names a sourced
 * partner. With no end, every opportunity not closed yet and the latest attribution. Its only
 * parameter, `$1`, is the window's end.
 */
export function sourcedPipelineSql(schema: string): string {
  return `
    SELECT o.currency, sum(o.amount)::text AS amount
      FROM ${qualified(schema, T.opportunities)} o
      LEFT JOIN ${qualified(schema, T.closes)} c ON c.opportunity_id = o.opportunity_id
      JOIN LATERAL (${attributionAt(schema, 'o.account_id', '$1::timestamptz', true)}) att ON att.sourced_partner_id IS NOT NULL
     WHERE ($1::timestamptz IS NULL OR o.opened_at < $1::timestamptz)
       AND (c.closed_at IS NULL OR ($1::timestamptz IS NOT NULL AND c.closed_at >= $1::timestamptz))
     GROUP BY o.currency
     ORDER BY o.currency`;
}
