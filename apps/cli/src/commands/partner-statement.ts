import { formatExact, Money } from '@ledger/domain/money';
import type { SqlClient, SqlQueryable } from '@ledger/event-store/sql/sql-client';
import {
  partnerCommissions,
  type CommissionLine,
} from '@ledger/projections/commissions/partner-commissions.query';
import {
  partnerBalances,
  type CurrencyBalance,
} from '@ledger/projections/partner-balances/partner-balance.query';
import type { PointInTime } from '@ledger/projections/partner-balances/partner-hold.query';
import { PAYOUT_LINES, PAYOUTS } from '@ledger/projections/payouts';

/**
 * A partner's statement (SPEC §6 `ledger statement`): its balance per currency and its commission
 * lines at business time `asOf`, as the ledger knew them at `knownAt`. Every figure is a sum over rows
 * filtered by both times, so asking again with the same pair prints the same statement, to the cent,
 * whatever was recorded since.
 */
export interface PartnerStatement {
  partnerId: string;
  asOf: string;
  knownAt: string;
  balances: CurrencyBalance[];
  commissions: StatementLine[];
}

/**
 * A commission line with what payouts paid of it (its own amount net of the adjustments they settled
 * with it); `paid` status once nothing is outstanding beyond what was paid.
 */
export interface StatementLine extends Omit<CommissionLine, 'status'> {
  paid: string;
  status: CommissionLine['status'] | 'paid';
}

/**
 * Reads the statement in one repeatable-read snapshot, so balances, payouts and lines agree even
 * while a worker is applying new events. What payouts paid comes from the payout read model, with
 * the same rule for the balance (`paidByCurrency`) and for each line.
 */
export async function partnerStatement(
  db: SqlClient,
  schema: string,
  partnerId: string,
  at: PointInTime,
): Promise<PartnerStatement> {
  return db.transaction(
    async (tx) => {
      // The balance query subtracts what payouts paid (`paidByCurrency`) itself.
      const balances = await partnerBalances(tx, schema, partnerId, at);
      const lines = await partnerCommissions(tx, schema, partnerId, at);
      const paidLines = await paidByCommission(tx, schema, partnerId, at);
      const commissions = lines.map((line) => withLinePaid(line, paidLines.get(line.commissionId)));
      return { partnerId, ...at, balances, commissions };
    },
    { isolation: 'repeatable read' },
  );
}

/**
 * Per commission, what the partner's payouts paid of it at (asOf, knownAt): the same payouts as
 * `paidByCurrency` counts (issued by then, and not failed by then), so lines and balance agree.
 */
async function paidByCommission(
  db: SqlQueryable,
  schema: string,
  partnerId: string,
  at: PointInTime,
): Promise<Map<string, string>> {
  const rows = await db.query<{ commission_id: string; paid: string }>(
    `SELECT l.commission_id, SUM(l.amount)::text AS paid
       FROM "${schema}"."${PAYOUT_LINES}" l JOIN "${schema}"."${PAYOUTS}" p USING (payout_id)
      WHERE p.partner_id = $1 AND p.as_of <= $2 AND p.issued_recorded_at <= $3
        AND NOT (p.status = 'failed' AND p.closed_at <= $2 AND p.closed_recorded_at <= $3)
      GROUP BY l.commission_id`,
    [partnerId, at.asOf, at.knownAt],
  );
  return new Map(rows.map((row) => [row.commission_id, row.paid]));
}

function withLinePaid(line: CommissionLine, paid: string | undefined): StatementLine {
  const paidHere = new Money(paid ?? '0');
  const settled = paid !== undefined && new Money(line.outstanding).minus(paidHere).isZero();
  return {
    ...line,
    paid: formatExact(paidHere, line.currency),
    status: settled && !paidHere.isZero() ? 'paid' : line.status,
  };
}
