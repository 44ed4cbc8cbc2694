import type { Position } from '@eventstore/db-client';
import type { Checkpoint, CommandRecord, EventMetadata, JsonObject, RecordedEvent } from '../port';
import type { StreamNames } from './stream-names';

/**
 * What the adapter keeps in an EventStoreDB event's metadata. EventStoreDB stores only type, id,
 * data and metadata, so business time, ledger time and the hash chain travel here.
 */
export interface StoredEnvelope {
  occurredAt: string;
  recordedAt: string;
  /** The port's metadata: the caller's fields plus schemaVersion, hash and prevHash. */
  metadata: JsonObject;
  /**
   * On the first event of an append made for a command: the whole command record, so that a crash
   * between writing the events and writing the record can be completed from the events alone.
   */
  command?: CommandRecord;
  /**
   * Random per write attempt. EventStoreDB acknowledges a re-sent append with the same event ids as
   * a success without writing anything; reading this back tells the real writer from the re-sender.
   */
  writeId?: string;
}

/** The parts of a client read result the adapter uses; both stream and $all reads fit it. */
export interface EsdbRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export interface EsdbResolved {
  event?: EsdbRecord;
  commitPosition?: bigint;
}

/** A decoded ledger event and the bookkeeping stored beside it. */
export interface DecodedEvent {
  event: RecordedEvent;
  envelope: StoredEnvelope;
}

/**
 * The ledger event a resolved EventStoreDB event holds, exactly as stored (not upcast), or null
 * for anything that is not one: system events, bookkeeping streams, other namespaces, and events
 * some other application wrote without the ledger's envelope.
 */
export function decodeResolved(resolved: EsdbResolved, names: StreamNames): DecodedEvent | null {
  const record = resolved.event;
  if (!record || !record.isJson || record.type.startsWith('$')) return null;
  const streamId = names.ledgerStreamOf(record.streamId);
  if (streamId === null || !isEnvelope(record.metadata)) return null;
  const position = positionOf(resolved);
  const envelope = record.metadata;
  return {
    envelope,
    event: {
      eventId: record.id,
      type: record.type,
      streamId,
      streamRevision: Number(record.revision),
      globalPosition: position.prepare,
      transactionId: position.commit,
      occurredAt: envelope.occurredAt,
      recordedAt: envelope.recordedAt,
      data: record.data as JsonObject,
      metadata: envelope.metadata as unknown as EventMetadata,
    },
  };
}

function positionOf(resolved: EsdbResolved): Position {
  const position = resolved.event?.position;
  if (position) return position;
  if (resolved.commitPosition !== undefined)
    return { commit: resolved.commitPosition, prepare: resolved.commitPosition };
  // Stream reads carry positions only from server 22.6 on; without them there is no checkpoint.
  throw new Error(
    'EventStoreDB returned an event without its log position: server 22.6 or later is required',
  );
}

function isEnvelope(value: unknown): value is StoredEnvelope {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<StoredEnvelope>;
  return (
    typeof v.occurredAt === 'string' &&
    typeof v.recordedAt === 'string' &&
    typeof v.metadata === 'object'
  );
}

/** A checkpoint is EventStoreDB's log position: commit position first, then prepare position. */
export function positionOfCheckpoint(checkpoint: Checkpoint): Position {
  return { commit: checkpoint.transactionId, prepare: checkpoint.globalPosition };
}

export function checkpointOfEvent(event: RecordedEvent): Checkpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.globalPosition !== b.globalPosition) return a.globalPosition < b.globalPosition ? -1 : 1;
  return 0;
}

/** Checkpoints are stored in bookkeeping events as decimal strings: JSON has no bigint. */
export function checkpointToJson(checkpoint: Checkpoint): {
  transactionId: string;
  globalPosition: string;
} {
  return {
    transactionId: checkpoint.transactionId.toString(),
    globalPosition: checkpoint.globalPosition.toString(),
  };
}

export function checkpointFromJson(value: {
  transactionId: string;
  globalPosition: string;
}): Checkpoint {
  return {
    transactionId: BigInt(value.transactionId),
    globalPosition: BigInt(value.globalPosition),
  };
}
