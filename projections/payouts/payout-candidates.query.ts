import type { PayoutItem } from '@ledger/domain/payouts/payout-item';
import type { PayoutItemKind } from '@ledger/domain/messages/payout-events';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { COMMISSION_ADJUSTMENTS, COMMISSION_LINES } from '../commissions/commissions.schema';
import { PAYOUT_CARRIED_ITEMS, PAYOUT_SETTLEMENTS } from './payouts.schema';

/**
 * The money items a payout run may settle, read from the commission read model: commissions (and
 * commissions moved to a partner by a dispute) with a positive amount, and every adjustment taken off
 * one (reversal, clawback, reassignment away) with a negative amount and the payable date of its
 * commission. Items a live payout settles are left out here, but the payout stream has the last word:
 * this read only narrows what `decidePayout` looks at.
 */
/** `placeholders` name the statement parameters (`$1`) holding the partner id (none: every partner) and the as-of. */
function itemsSql(
  schema: string,
  placeholders: { partnerId: string | null; asOf: string },
): string {
  const t = (table: string) => `"${schema}"."${table}"`;
  const partner = (alias: string) =>
    placeholders.partnerId === null ? '' : `${alias}.partner_id = ${placeholders.partnerId} AND `;
  return `
    SELECT CASE WHEN l.origin = 'reassigned' THEN 'reassignment_in' ELSE 'commission' END AS kind,
           l.commission_id AS item_id, l.partner_id, l.account_id, l.currency, l.amount::text AS amount,
           l.commission_id, l.payment_id, l.occurred_at, l.recorded_at, l.payable_from, l.rule, l.plan_version,
           l.event_id, l.evidence, l.position
      FROM ${t(COMMISSION_LINES)} l
     WHERE ${partner('l')}l.occurred_at <= ${placeholders.asOf}
    UNION ALL
    SELECT CASE WHEN a.kind = 'reassignment' THEN 'reassignment_out' ELSE a.kind END AS kind,
           a.event_id AS item_id, a.partner_id, a.account_id, a.currency, (-a.amount)::text AS amount,
           a.commission_id, a.payment_id, a.occurred_at, a.recorded_at,
           -- An adjustment is payable with its commission (docs/decisions.md, "Payouts").
           COALESCE(c.payable_from, a.occurred_at) AS payable_from, a.rule, a.plan_version,
           a.event_id, a.evidence, a.position
      FROM ${t(COMMISSION_ADJUSTMENTS)} a LEFT JOIN ${t(COMMISSION_LINES)} c ON c.commission_id = a.commission_id
     WHERE ${partner('a')}a.occurred_at <= ${placeholders.asOf}`;
}

function unsettled(schema: string): string {
  return `NOT EXISTS (SELECT 1 FROM "${schema}"."${PAYOUT_SETTLEMENTS}" s
                       WHERE s.partner_id = items.partner_id AND s.item_id = items.item_id AND s.settled)`;
}

interface ItemRow {
  kind: PayoutItemKind;
  item_id: string;
  partner_id: string;
  account_id: string;
  currency: string;
  amount: string;
  commission_id: string;
  payment_id: string;
  occurred_at: string;
  recorded_at: string;
  payable_from: string;
  rule: string;
  plan_version: number | null;
  event_id: string;
  evidence: unknown;
}

/** Partners with at least one item that occurred by `asOf` and is not settled, in id order. */
export async function partnersWithUnsettledItems(
  db: SqlQueryable,
  schema: string,
  asOf: string,
): Promise<string[]> {
  const rows = await db.query<{ partner_id: string }>(
    `SELECT DISTINCT partner_id FROM (${itemsSql(schema, { partnerId: null, asOf: '$1' })}) items
      WHERE ${unsettled(schema)} ORDER BY partner_id`,
    [asOf],
  );
  return rows.map((row) => row.partner_id);
}

/** One partner's unsettled items that occurred by `asOf`, in the order the ledger recorded them. */
export async function payoutCandidates(
  db: SqlQueryable,
  schema: string,
  partnerId: string,
  asOf: string,
): Promise<PayoutItem[]> {
  const rows = await db.query<ItemRow>(
    `SELECT kind, item_id, partner_id, account_id, currency, amount, commission_id, payment_id, occurred_at, recorded_at,
            payable_from, rule, plan_version, event_id, evidence
       FROM (${itemsSql(schema, { partnerId: '$1', asOf: '$2' })}) items
      WHERE ${unsettled(schema)}
      ORDER BY position, item_id`,
    [partnerId, asOf],
  );
  return rows.map(toItem);
}

/** Items of the partner that an earlier run held back and that are still unsettled → the first run that did. */
export async function carriedItems(
  db: SqlQueryable,
  schema: string,
  partnerId: string,
): Promise<Map<string, string>> {
  const rows = await db.query<{ item_id: string; run_id: string }>(
    `SELECT item_id, run_id FROM "${schema}"."${PAYOUT_CARRIED_ITEMS}" items
      WHERE partner_id = $1 AND ${unsettled(schema)}`,
    [partnerId],
  );
  return new Map(rows.map((row) => [row.item_id, row.run_id]));
}

function toItem(row: ItemRow): PayoutItem {
  const item: PayoutItem = {
    itemId: row.item_id,
    kind: row.kind,
    partnerId: row.partner_id,
    accountId: row.account_id,
    currency: row.currency,
    amount: row.amount,
    commissionId: row.commission_id,
    paymentId: row.payment_id,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    payableFrom: row.payable_from,
    rule: row.rule,
    eventId: row.event_id,
    evidence: evidenceOf(row.evidence),
  };
  if (row.plan_version !== null) item.planVersion = Number(row.plan_version);
  return item;
}

/** jsonb arrives parsed from both drivers; a string is accepted too, should a driver hand back text. */
function evidenceOf(value: unknown): string[] {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}
