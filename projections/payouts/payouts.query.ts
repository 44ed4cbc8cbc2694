import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { PAYOUTS } from './payouts.schema';

/** What a partner has been paid in one currency at a point in time (for `GET /v1/partners/{id}/balance`). */
export interface PaidAmount {
  currency: string;
  paid: string;
}

/**
 * The `paid` figure of a partner's balance, per currency: the payouts issued as of `asOf` and known at
 * `knownAt`, less those whose failure had happened and was known by then. An issued payout counts as
 * paid from its issue (the money is committed to the partner); a failure gives it back. Sums are
 * exact over amounts that were never rounded again.
 */
export async function paidByCurrency(
  db: SqlQueryable,
  schema: string,
  partnerId: string,
  at: { asOf: string; knownAt: string },
): Promise<PaidAmount[]> {
  const rows = await db.query<{ currency: string; paid: string }>(
    `SELECT currency, SUM(amount)::text AS paid
       FROM "${schema}"."${PAYOUTS}"
      WHERE partner_id = $1 AND as_of <= $2 AND issued_recorded_at <= $3
        AND NOT (status = 'failed' AND closed_at <= $2 AND closed_recorded_at <= $3)
      GROUP BY currency ORDER BY currency`,
    [partnerId, at.asOf, at.knownAt],
  );
  return rows.map((row) => ({ currency: row.currency, paid: row.paid }));
}

export interface PayoutRow {
  payoutId: string;
  runId: string;
  partnerId: string;
  currency: string;
  amount: string;
  asOf: string;
  status: 'issued' | 'paid' | 'failed';
  closedAt: string | null;
  reference: string | null;
}

/** Payouts of a run, in partner and currency order (for `ledger export payouts --run`). */
export async function payoutsOfRun(
  db: SqlQueryable,
  schema: string,
  runId: string,
): Promise<PayoutRow[]> {
  const rows = await db.query<{
    payout_id: string;
    run_id: string;
    partner_id: string;
    currency: string;
    amount: string;
    as_of: string;
    status: PayoutRow['status'];
    closed_at: string | null;
    reference: string | null;
  }>(
    `SELECT payout_id, run_id, partner_id, currency, amount::text AS amount, as_of, status, closed_at, reference
       FROM "${schema}"."${PAYOUTS}" WHERE run_id = $1 ORDER BY partner_id, currency`,
    [runId],
  );
  return rows.map((r) => ({
    payoutId: r.payout_id,
    runId: r.run_id,
    partnerId: r.partner_id,
    currency: r.currency,
    amount: r.amount,
    asOf: r.as_of,
    status: r.status,
    closedAt: r.closed_at,
    reference: r.reference,
  }));
}
