import { formatExact, Money } from '@ledger/domain/money';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { heldAtSql, type PointInTime } from '../partner-balances/partner-hold.query';
import { COMMISSION_ADJUSTMENTS, COMMISSION_LINES } from './commissions.schema';

/**
 * Where a commission stands at a point in time:
 * - `reversed`, `clawed_back`, `reassigned`: nothing is left of it; the last adjustment says why;
 * - `held`: the partner's commissions are frozen by a hold;
 * - `pending`: its payout date (`payableFrom`) is still ahead;
 * - `payable`: due for the next payout run (payouts, when recorded, will add `paid`).
 */
export type CommissionStatus =
  'reversed' | 'clawed_back' | 'reassigned' | 'held' | 'pending' | 'payable';

export interface CommissionLine {
  commissionId: string;
  paymentId: string;
  accountId: string;
  /** `earned` by a payment, or `reassigned` to this partner by a resolved dispute. */
  origin: 'earned' | 'reassigned';
  credit: string | null;
  basis: string | null;
  rate: string | null;
  amount: string;
  currency: string;
  rule: string;
  planVersion: number | null;
  payableFrom: string;
  occurredAt: string;
  recordedAt: string;
  reversed: string;
  clawedBack: string;
  reassignedAway: string;
  outstanding: string;
  status: CommissionStatus;
}

export interface CommissionRange extends PointInTime {
  /** Payment business time, inclusive; none when absent. */
  from?: string;
  /** Payment business time, exclusive; none when absent. */
  to?: string;
}

interface LineRow {
  commission_id: string;
  payment_id: string;
  account_id: string;
  origin: 'earned' | 'reassigned';
  credit: string | null;
  basis: string | null;
  rate: string | null;
  amount: string;
  currency: string;
  rule: string;
  plan_version: number | null;
  payable_from: string;
  occurred_at: string;
  recorded_at: string;
  reversed: string;
  clawed_back: string;
  reassigned: string;
  last_kind: string | null;
  held: boolean;
}

/**
 * A partner's commission lines whose payment happened in `[from, to)`, with what reversals,
 * clawbacks and disputes took off each, as of `asOf` as known at `knownAt`. A line moved to this
 * partner by a dispute shows the basis and rate of the commission it came from.
 */
export async function partnerCommissions(
  db: SqlQueryable,
  schema: string,
  partnerId: string,
  range: CommissionRange,
): Promise<CommissionLine[]> {
  const lines = `"${schema}"."${COMMISSION_LINES}"`;
  const adjustments = `"${schema}"."${COMMISSION_ADJUSTMENTS}"`;
  const rows = await db.query<LineRow>(
    `SELECT l.commission_id, l.payment_id, l.account_id, l.origin, l.credit,
       COALESCE(l.basis, s.basis)::text AS basis, COALESCE(l.rate, s.rate)::text AS rate,
       l.amount::text AS amount, l.currency, l.rule, l.plan_version, l.payable_from, l.occurred_at, l.recorded_at,
       COALESCE(SUM(a.amount) FILTER (WHERE a.kind = 'reversal'), 0)::text AS reversed,
       COALESCE(SUM(a.amount) FILTER (WHERE a.kind = 'clawback'), 0)::text AS clawed_back,
       COALESCE(SUM(a.amount) FILTER (WHERE a.kind = 'reassignment'), 0)::text AS reassigned,
       (array_agg(a.kind ORDER BY a.occurred_at DESC, a.position DESC) FILTER (WHERE a.kind IS NOT NULL))[1] AS last_kind,
       (${heldAtSql(schema)}) AS held
     FROM ${lines} l
     LEFT JOIN ${lines} s ON s.commission_id = l.source_commission_id
     LEFT JOIN ${adjustments} a ON a.commission_id = l.commission_id AND a.occurred_at <= $2 AND a.recorded_at <= $3
     WHERE l.partner_id = $1 AND l.occurred_at <= $2 AND l.recorded_at <= $3
       AND ($4::text IS NULL OR l.occurred_at >= $4) AND ($5::text IS NULL OR l.occurred_at < $5)
     GROUP BY l.commission_id, s.basis, s.rate
     ORDER BY l.occurred_at, l.commission_id`,
    [partnerId, range.asOf, range.knownAt, range.from ?? null, range.to ?? null],
  );
  return rows.map((row) => toLine(row, range.asOf));
}

function toLine(row: LineRow, asOf: string): CommissionLine {
  const money = (value: Money | string) => formatExact(value, row.currency);
  const outstanding = new Money(row.amount)
    .minus(row.reversed)
    .minus(row.clawed_back)
    .minus(row.reassigned);
  return {
    commissionId: row.commission_id,
    paymentId: row.payment_id,
    accountId: row.account_id,
    origin: row.origin,
    credit: row.credit,
    basis: row.basis === null ? null : money(row.basis),
    rate: row.rate === null ? null : new Money(row.rate).toFixed(),
    amount: money(row.amount),
    currency: row.currency,
    rule: row.rule,
    planVersion: row.plan_version === null ? null : Number(row.plan_version),
    payableFrom: row.payable_from,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    reversed: money(row.reversed),
    clawedBack: money(row.clawed_back),
    reassignedAway: money(row.reassigned),
    outstanding: money(outstanding),
    status: statusOf(outstanding, row, asOf),
  };
}

const SETTLED_BY: Readonly<Record<string, CommissionStatus>> = {
  reversal: 'reversed',
  clawback: 'clawed_back',
  reassignment: 'reassigned',
};

function statusOf(outstanding: Money, row: LineRow, asOf: string): CommissionStatus {
  if (outstanding.lte(0) && row.last_kind !== null) return SETTLED_BY[row.last_kind] ?? 'reversed';
  if (row.held === true) return 'held';
  // Instants share one fixed-width UTC form, so text order is time order.
  return row.payable_from > asOf ? 'pending' : 'payable';
}
