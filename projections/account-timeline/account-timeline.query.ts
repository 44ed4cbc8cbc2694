import { ATTRIBUTION_RULES } from '@ledger/domain/attribution/attribution.rules';
import { qualified, type SqlQueryable } from '@ledger/event-store/sql/sql-client';
import type { Checkpoint } from '@ledger/event-store/port';
import { TIMELINE_ENTRIES } from './account-timeline.schema';

export interface TimelineQuery {
  accountId: string;
  /** Resume strictly after this entry (the `next` of the previous page). */
  after?: Checkpoint;
  limit: number;
  /** Only events whose business time is not after this instant. */
  asOf?: string;
  /** Only events the ledger had recorded by this instant. */
  knownAt?: string;
}

export interface TimelineEntry {
  eventId: string;
  type: string;
  streamId: string;
  streamRevision: number;
  /** Where the event sits in the global log (commit order), as decimal strings. */
  position: { transactionId: string; globalPosition: string };
  occurredAt: string;
  recordedAt: string;
  /** The rule that produced a derived event; null for facts. */
  rule: string | null;
  data: Record<string, unknown>;
  /** For a dispute and every decision it caused: which dispute, and the reason it was opened for. */
  dispute?: { disputeId: string; reason: string | null };
}

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Where the next page starts, or null when this page reached the end. */
  next: Checkpoint | null;
}

interface EntryRow {
  event_id: string;
  transaction_id: string;
  global_position: string;
  stream_id: string;
  stream_revision: number;
  type: string;
  occurred_at: string;
  recorded_at: string;
  rule: string | null;
  dispute_id: string | null;
  /** The event's data as JSON text: kept verbatim, parsed only for the page being answered. */
  data_json: string;
}

/**
 * One page of an account's timeline in commit order, or null when the ledger has never recorded
 * an event of the account. Reads one range of the (account, transaction, position) index.
 */
export async function readTimeline(
  db: SqlQueryable,
  schema: string,
  query: TimelineQuery,
): Promise<TimelinePage | null> {
  const t = qualified(schema, TIMELINE_ENTRIES);
  const after = query.after ?? { transactionId: 0n, globalPosition: 0n };
  const rows = await db.query<EntryRow>(
    `SELECT event_id, transaction_id::text AS transaction_id, global_position::text AS global_position, stream_id,
            stream_revision, type, occurred_at, recorded_at, rule, dispute_id, data_json
       FROM ${t} e
      WHERE e.account_id = $1 AND (e.transaction_id, e.global_position) > ($2::numeric, $3::bigint)
        AND ($4::text IS NULL OR e.occurred_at <= $4::text) AND ($5::text IS NULL OR e.recorded_at <= $5::text)
      -- Qualified: the select list's text aliases of these columns would sort '10' before '9'.
      ORDER BY e.transaction_id, e.global_position
      LIMIT $6`,
    [
      query.accountId,
      after.transactionId.toString(),
      after.globalPosition.toString(),
      query.asOf ?? null,
      query.knownAt ?? null,
      query.limit + 1,
    ],
  );
  if (rows.length === 0 && !(await accountIsKnown(db, t, query.accountId))) return null;
  const page = rows.slice(0, query.limit);
  const disputes = page.some(concernsDispute)
    ? await disputesOf(db, t, query.accountId)
    : NO_DISPUTES;
  const last = page[page.length - 1];
  return {
    entries: page.map((row) => toEntry(row, disputes)),
    next:
      rows.length > query.limit && last
        ? {
            transactionId: BigInt(last.transaction_id),
            globalPosition: BigInt(last.global_position),
          }
        : null,
  };
}

async function accountIsKnown(db: SqlQueryable, t: string, accountId: string): Promise<boolean> {
  return (
    (await db.query(`SELECT 1 FROM ${t} WHERE account_id = $1 LIMIT 1`, [accountId])).length > 0
  );
}

interface Disputes {
  /** disputeId → the reason it was opened for. */
  reasons: Map<string, string | null>;
  /** The `DisputeResolved` event id → its disputeId; a dispute's attribution decision cites it as evidence. */
  byResolution: Map<string, string>;
}

const NO_DISPUTES: Disputes = { reasons: new Map(), byResolution: new Map() };

function concernsDispute(row: EntryRow): boolean {
  return row.dispute_id !== null || row.rule === ATTRIBUTION_RULES.disputeResolution;
}

/**
 * The reason of a dispute is stated once, when it is opened; its resolution, the attribution it
 * decides and the commissions it moves are shown with that reason, so a reader of any of them sees
 * why the dispute was raised without searching the timeline for it.
 */
async function disputesOf(db: SqlQueryable, t: string, accountId: string): Promise<Disputes> {
  const rows = await db.query<{
    event_id: string;
    type: string;
    dispute_id: string;
    reason: string | null;
  }>(
    `SELECT event_id, type, dispute_id, data_json::jsonb->>'reason' AS reason FROM ${t}
      WHERE account_id = $1 AND type IN ('DisputeOpened', 'DisputeResolved') AND dispute_id IS NOT NULL`,
    [accountId],
  );
  const disputes: Disputes = { reasons: new Map(), byResolution: new Map() };
  for (const row of rows) {
    if (row.type === 'DisputeOpened') disputes.reasons.set(row.dispute_id, row.reason);
    else disputes.byResolution.set(row.event_id, row.dispute_id);
  }
  return disputes;
}

function toEntry(row: EntryRow, disputes: Disputes): TimelineEntry {
  const data = JSON.parse(row.data_json) as Record<string, unknown>;
  const entry: TimelineEntry = {
    eventId: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    streamRevision: Number(row.stream_revision),
    position: { transactionId: row.transaction_id, globalPosition: row.global_position },
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    rule: row.rule,
    data,
  };
  const disputeId = row.dispute_id ?? disputeDecidedBy(row.rule, data, disputes);
  if (disputeId !== null)
    entry.dispute = { disputeId, reason: disputes.reasons.get(disputeId) ?? null };
  return entry;
}

function disputeDecidedBy(
  rule: string | null,
  data: Record<string, unknown>,
  disputes: Disputes,
): string | null {
  if (rule !== ATTRIBUTION_RULES.disputeResolution) return null;
  const evidence = Array.isArray(data.evidence) ? data.evidence : [];
  for (const eventId of evidence) {
    const disputeId = typeof eventId === 'string' ? disputes.byResolution.get(eventId) : undefined;
    if (disputeId !== undefined) return disputeId;
  }
  return null;
}
