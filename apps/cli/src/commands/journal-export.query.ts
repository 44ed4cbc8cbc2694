import { formatExact, Money } from '@ledger/domain/money';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { JOURNAL_LINES } from '@ledger/projections/journal/journal.projection';

/**
 * One line of the double-entry journal as the general ledger imports it. Every money event posts one
 * balanced entry; its number is the global position of that event, unique in the ledger.
 */
export interface JournalExportLine {
  entry: string;
  line: number;
  account: string;
  /** The partner whose payable (or expense) the line is booked against. */
  partnerId: string;
  currency: string;
  debit: string;
  credit: string;
  /** `debit − credit`: positive for a debit, negative for a credit; per currency the lines sum to zero. */
  amount: string;
  eventType: string;
  /** The commission a commission posting books; empty for a payout posting. */
  commissionId: string;
  /** The payout a payout posting books (issued, paid, failed); empty for a commission posting. */
  payoutId: string;
  sourceEventId: string;
  occurredAt: string;
  recordedAt: string;
}

export const JOURNAL_EXPORT_COLUMNS: readonly (keyof JournalExportLine)[] = [
  'entry',
  'line',
  'account',
  'partnerId',
  'currency',
  'debit',
  'credit',
  'amount',
  'eventType',
  'commissionId',
  'payoutId',
  'sourceEventId',
  'occurredAt',
  'recordedAt',
];

export interface JournalRange {
  /** Business time, inclusive (ISO-8601 UTC with milliseconds, as stored). */
  from?: string;
  /** Business time, exclusive. */
  to?: string;
}

interface JournalRow {
  event_id: string;
  line_no: number;
  account: string;
  partner_id: string;
  currency: string;
  debit: string;
  credit: string;
  event_type: string;
  commission_id: string;
  payout_id: string | null;
  occurred_at: string;
  recorded_at: string;
  position: string;
}

/**
 * The journal lines of entries that occurred in `[from, to)`, in business-time order, a page at a
 * time (keyset paging, so a journal of millions of lines never sits in memory at once). Both lines
 * of an entry share its event's time, so a range never splits an entry and still sums to zero.
 */
export async function* journalExportPages(
  db: SqlQueryable,
  schema: string,
  range: JournalRange,
  pageSize = 5_000,
): AsyncGenerator<JournalExportLine[]> {
  let after: [string, string, number] | null = null;
  for (;;) {
    const rows: JournalRow[] = await db.query<JournalRow>(
      `SELECT event_id, line_no, account, partner_id, currency, debit::text AS debit, credit::text AS credit,
              event_type, commission_id, payout_id, occurred_at, recorded_at, position::text AS position
         FROM "${schema}"."${JOURNAL_LINES}"
        WHERE ($1::text IS NULL OR occurred_at >= $1) AND ($2::text IS NULL OR occurred_at < $2)
          AND ($3::text IS NULL OR (occurred_at, position, line_no) > ($3::text, $4::bigint, $5::integer))
        ORDER BY occurred_at, position, line_no
        LIMIT $6`,
      [
        range.from ?? null,
        range.to ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        after?.[2] ?? null,
        pageSize,
      ],
    );
    if (rows.length === 0) return;
    yield rows.map(toExportLine);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = [last.occurred_at, last.position, Number(last.line_no)];
  }
}

function toExportLine(row: JournalRow): JournalExportLine {
  const money = (value: Money | string) => formatExact(value, row.currency);
  return {
    entry: row.position,
    line: Number(row.line_no),
    account: row.account,
    partnerId: row.partner_id,
    currency: row.currency,
    debit: money(row.debit),
    credit: money(row.credit),
    amount: money(new Money(row.debit).minus(row.credit)),
    eventType: row.event_type,
    commissionId: row.commission_id,
    payoutId: row.payout_id ?? '',
    sourceEventId: row.event_id,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
  };
}
