import type { Checkpoint, EventMetadata, JsonObject, RecordedEvent } from '../port';

/**
 * The select list every event read uses, optionally qualified by a table alias. Positions and
 * transaction ids are cast to text because `pg` returns bigint as a string and PGlite as a
 * number or a bigint; text is the same everywhere.
 */
export function eventColumns(alias = '', metadata = true): string {
  const c = alias ? `${alias}.` : '';
  return `${c}global_position::text AS global_position, ${c}transaction_id::text AS transaction_id,
    ${c}event_id::text AS event_id, ${c}stream_id, ${c}stream_revision, ${c}type, ${c}occurred_at,
    ${c}recorded_at, ${c}data, ${metadata ? `${c}metadata` : 'NULL::jsonb AS metadata'}`;
}

export interface EventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_revision: number;
  type: string;
  occurred_at: string;
  recorded_at: string;
  data: JsonObject;
  /** Null when the read left it out (`ReadAllOptions.metadata`). */
  metadata: JsonObject | null;
}

/** The event exactly as stored (not upcast): what hashes are computed over. */
export function storedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    streamRevision: Number(row.stream_revision),
    globalPosition: BigInt(row.global_position),
    transactionId: BigInt(row.transaction_id),
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    data: row.data,
    metadata: (row.metadata ?? {}) as unknown as EventMetadata,
  };
}

export function checkpointOf(
  transactionId: string | bigint,
  globalPosition: string | bigint,
): Checkpoint {
  return { transactionId: BigInt(transactionId), globalPosition: BigInt(globalPosition) };
}

/** Checkpoints travel to SQL as decimal strings (`$1::xid8`, `$2::bigint`). */
export function checkpointParams(checkpoint: Checkpoint): [string, string] {
  return [checkpoint.transactionId.toString(), checkpoint.globalPosition.toString()];
}
