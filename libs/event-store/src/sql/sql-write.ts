import type { AppendResult } from '../port';
import type { ValidAppend } from '../append-validation';
import { hashEvent } from '../event-hash';
import { checkpointOf } from './event-rows';
import type { AppendStatements, WriteParams } from './append-statements';
import { isUniqueViolation, type SqlClient } from './sql-client';
import type { StreamHead, StreamHeadCache } from './stream-head-cache';

export interface AppendContext {
  client: SqlClient;
  statements: AppendStatements;
  heads: StreamHeadCache;
  /** Ledger time now, ISO-8601 UTC with milliseconds. */
  now: () => string;
  /** Test hook: when set, the write runs in an explicit transaction and this runs before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

export type WriteOutcome =
  | { kind: 'written'; result: AppendResult; head: StreamHead }
  /** The head had moved, or a concurrent writer claimed the same command id, key or revision. */
  | { kind: 'lost' }
  | { kind: 'event_id_taken'; detail: string };

const PREPARED = { prepared: true };

/**
 * Hashes the batch onto `head` and writes it with one compare-and-set statement (its own
 * transaction, or an explicit one around the test hook). Nothing is written unless the stream's
 * head is still exactly `head`.
 */
export async function writeBatch(
  ctx: AppendContext,
  input: ValidAppend,
  head: StreamHead,
  keysToClaim: string[],
): Promise<WriteOutcome> {
  const { command } = input;
  const recordedAt = laterOf(ctx.now(), head.lastRecordedAt);
  const batch = hashBatch(input, head, recordedAt);
  const nextRevision = head.revision + input.events.length;
  const eventIds = input.events.map((e) => e.eventId);
  const params: WriteParams = [
    input.streamId,
    batch.rowsJson,
    recordedAt,
    nextRevision,
    batch.lastHash,
    command?.commandId ?? null,
    command?.inputHash ?? null,
    command ? JSON.stringify(command.result) : null,
    JSON.stringify(keysToClaim),
  ];
  const [sql, allParams] =
    head.revision === -1
      ? [ctx.statements.writeNewStream, params]
      : [ctx.statements.writeExistingStream, [...params, head.revision, head.lastHash]];
  type Written = { transaction_id: string; global_position: string | null };
  let row: Written | undefined;
  try {
    row = ctx.beforeCommit
      ? await ctx.client.transaction(async (tx) => {
          const [r] = await tx.query<Written>(sql, allParams, PREPARED);
          if (r?.global_position) await ctx.beforeCommit!();
          return r;
        })
      : (await ctx.client.query<Written>(sql, allParams, PREPARED))[0];
  } catch (error) {
    if (isUniqueViolation(error, 'events_event_id_key')) {
      return { kind: 'event_id_taken', detail: error.detail ?? '' };
    }
    if (isUniqueViolation(error)) return { kind: 'lost' };
    throw error;
  }
  if (!row?.global_position) return { kind: 'lost' };
  return {
    kind: 'written',
    head: { revision: nextRevision, lastHash: batch.lastHash, lastRecordedAt: recordedAt },
    result: {
      nextExpectedRevision: nextRevision,
      eventIds,
      result: command?.result ?? null,
      duplicate: false,
      checkpoint: checkpointOf(row.transaction_id, row.global_position),
    },
  };
}

/**
 * Chains each event's hash onto the previous one of its stream and serialises the rows for
 * `jsonb_to_recordset`. The hashed content is built from exactly the values that are stored, so
 * a later verify recomputes the same hash from the row.
 */
function hashBatch(
  input: ValidAppend,
  head: StreamHead,
  recordedAt: string,
): { rowsJson: string; lastHash: string } {
  let prevHash = head.lastHash;
  const rows: string[] = [];
  input.events.forEach((event, i) => {
    const streamRevision = head.revision + 1 + i;
    const { eventId, type, occurredAt, dataJson, metadataJson } = event;
    const hashed = hashEvent(prevHash, {
      eventId,
      type,
      streamId: input.streamId,
      streamRevision,
      occurredAt,
      recordedAt,
      dataJson,
      metadataJson,
    });
    rows.push(
      `{"event_id":${JSON.stringify(eventId)},"stream_revision":${streamRevision},"type":${JSON.stringify(type)}` +
        `,"occurred_at":${JSON.stringify(occurredAt)},"schema_version":${event.schemaVersion}` +
        `,"data":${dataJson},"metadata":${hashed.storedMetadataJson}}`,
    );
    prevHash = hashed.hash;
  });
  return { rowsJson: `[${rows.join(',')}]`, lastHash: prevHash };
}

/** Ledger time never runs backwards within a stream, even if clocks of two app servers disagree. */
function laterOf(now: string, last: string | null): string {
  return last !== null && last > now ? last : now;
}
