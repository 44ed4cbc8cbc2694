import { formatExact, Money } from '@ledger/domain/money';
import type { SqlClient, SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { COMMISSION_ADJUSTMENTS, COMMISSION_LINES } from '../commissions/commissions.schema';
import { paidByCurrency, type PaidAmount } from '../payouts/payouts.query';
import { heldAtSql, isHeldAt, type PointInTime } from './partner-hold.query';

/**
 * A partner's balance in one currency (SPEC §4 "Payout timing"), decimal strings in the currency's
 * minor unit:
 * - `earned`: commissions earned, gross (including commissions moved to the partner by a dispute);
 * - `reversed`: taken back by refunds, and moved away to another partner by a dispute;
 * - `clawedBack`: taken back by churn;
 * - `paid`: paid out: payouts issued by `asOf` (a run's as-of), unless their failure had happened by
 *   then (docs/decisions.md "Payouts": a payout counts as paid from its issue until a failure);
 * - `balance = earned − reversed − clawedBack − paid`, negative when the partner owes;
 * - `held`: the part of the balance frozen by a hold: all of it while a hold is in force at `asOf`, and
 *   from the partner's removal on (a removed partner is paid nothing);
 * - `payable`: the part of the balance whose payout date (`payableFrom`) has passed, net of its
 *   reversals and clawbacks and of what was paid, when no hold is in force. It is negative when
 *   clawbacks of paid commissions exceed what has since become payable: later commissions offset it.
 *   A quarter-end true-up pays items before their payout date; until that date they lower `payable`
 *   as money paid ahead.
 */
export interface CurrencyBalance {
  currency: string;
  earned: string;
  reversed: string;
  clawedBack: string;
  held: string;
  payable: string;
  paid: string;
  balance: string;
}

interface SumsRow {
  currency: string;
  earned: string;
  reversed: string;
  clawed_back: string;
  due_net: string;
}

/**
 * The partner's balances per currency at a point in time. Every figure is a SUM over rows filtered
 * by `occurred_at <= asOf` and `recorded_at <= knownAt`, so a statement sent in the past is
 * reproduced to the cent by asking again with the `knownAt` it was sent at. Sums are exact
 * (`numeric`) over amounts that were each rounded once, so nothing is rounded here.
 *
 * Commissions and payouts are read in one repeatable-read snapshot (the caller's transaction when
 * `db` is one), so a payout is never subtracted without the commissions it paid.
 */
export async function partnerBalances(
  db: SqlQueryable,
  schema: string,
  partnerId: string,
  at: PointInTime,
): Promise<CurrencyBalance[]> {
  return inOneSnapshot(db, async (tx) => {
    const sums = await commissionSums(tx, schema, partnerId, at);
    const paid = await paidByCurrency(tx, schema, partnerId, at);
    // The hold is the partner's, the same on every row; asked apart only for a currency with payouts alone.
    const held = sums[0]?.held ?? (paid.length > 0 && (await isHeldAt(tx, schema, partnerId, at)));
    return currenciesOf(sums, paid).map((currency) =>
      toBalance(
        sums.find((row) => row.currency === currency) ?? noSums(currency),
        paid.find((row) => row.currency === currency)?.paid ?? '0',
        held,
      ),
    );
  });
}

async function commissionSums(
  db: SqlQueryable,
  schema: string,
  partnerId: string,
  at: PointInTime,
): Promise<(SumsRow & { held: boolean })[]> {
  const lines = `"${schema}"."${COMMISSION_LINES}"`;
  const adjustments = `"${schema}"."${COMMISSION_ADJUSTMENTS}"`;
  // One statement, so the sums and the hold state come from one snapshot.
  const rows = await db.query<SumsRow & { held: boolean }>(
    `SELECT currency, (${heldAtSql(schema)}) AS held,
         COALESCE(SUM(amount) FILTER (WHERE kind = 'earned'), 0)::text AS earned,
         COALESCE(SUM(amount) FILTER (WHERE kind IN ('reversal', 'reassignment')), 0)::text AS reversed,
         COALESCE(SUM(amount) FILTER (WHERE kind = 'clawback'), 0)::text AS clawed_back,
         COALESCE(SUM(CASE WHEN kind = 'earned' THEN amount ELSE -amount END) FILTER (WHERE due), 0)::text AS due_net
       FROM (
         SELECT 'earned' AS kind, currency, amount, payable_from <= $2 AS due
         FROM ${lines}
         WHERE partner_id = $1 AND occurred_at <= $2 AND recorded_at <= $3
         UNION ALL
         SELECT a.kind, a.currency, a.amount, COALESCE(l.payable_from <= $2, false) AS due
         FROM ${adjustments} a LEFT JOIN ${lines} l ON l.commission_id = a.commission_id
         WHERE a.partner_id = $1 AND a.occurred_at <= $2 AND a.recorded_at <= $3
       ) movements
       GROUP BY currency ORDER BY currency`,
    [partnerId, at.asOf, at.knownAt],
  );
  return rows.map((row) => ({ ...row, held: row.held === true }));
}

function inOneSnapshot<T>(db: SqlQueryable, read: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  const client = db as Partial<SqlClient>;
  return typeof client.transaction === 'function'
    ? client.transaction(read, { isolation: 'repeatable read' })
    : read(db);
}

function currenciesOf(sums: readonly SumsRow[], paid: readonly PaidAmount[]): string[] {
  return [
    ...new Set([...sums.map((row) => row.currency), ...paid.map((row) => row.currency)]),
  ].sort();
}

function noSums(currency: string): SumsRow {
  return { currency, earned: '0', reversed: '0', clawed_back: '0', due_net: '0' };
}

function toBalance(row: SumsRow, paidAmount: string, held: boolean): CurrencyBalance {
  const { currency } = row;
  const paid = new Money(paidAmount);
  const balance = new Money(row.earned).minus(row.reversed).minus(row.clawed_back).minus(paid);
  const payable = new Money(row.due_net).minus(paid);
  const money = (value: Money | string) => formatExact(value, currency);
  return {
    currency,
    earned: money(row.earned),
    reversed: money(row.reversed),
    clawedBack: money(row.clawed_back),
    held: money(held ? balance : '0'),
    payable: money(held ? '0' : payable),
    paid: money(paid),
    balance: money(balance),
  };
}
