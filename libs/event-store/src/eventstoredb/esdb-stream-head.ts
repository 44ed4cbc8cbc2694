import type { EventStoreDBClient } from '@eventstore/db-client';
import { GENESIS_HASH } from '../hashing';
import {
  checkpointOfEvent,
  checkpointToJson,
  decodeResolved,
  type DecodedEvent,
} from './esdb-codec';
import type { StoredCommand } from './esdb-bookkeeping';
import { readStoredStream } from './esdb-reads';
import type { StreamNames } from './stream-names';

/** What an append must know of a stream before it writes: where it ends and what it ends with. */
export interface StreamHead {
  /** The last revision, −1 when the stream does not exist. */
  revision: number;
  /** The last event's hash: the next event's prevHash. */
  lastHash: string;
  /** The last event's ledger time, so that recordedAt never goes backwards along a stream. */
  lastRecordedAt: string | null;
  /** The stream's events, when the whole stream was read (to find a command's orphaned events). */
  events: DecodedEvent[] | null;
}

/**
 * Reads the head of a stream. With `whole`, reads every event (needed to look for a command's
 * events written before a crash kept its record from being written); otherwise only the last one.
 */
export async function readStreamHead(
  client: EventStoreDBClient,
  names: StreamNames,
  streamId: string,
  whole: boolean,
): Promise<StreamHead> {
  const name = names.ofStream(streamId);
  const records = whole
    ? await readStoredStream(client, name)
    : await readStoredStream(client, name, { backwards: true, maxCount: 1 });
  const last = records[records.length - 1]?.event;
  if (!last)
    return {
      revision: -1,
      lastHash: GENESIS_HASH,
      lastRecordedAt: null,
      events: whole ? [] : null,
    };
  const decodedLast = decodeResolved(records[records.length - 1]!, names);
  return {
    // The revision comes from the record itself, so that even an event written behind the ledger's
    // back (and so without an envelope) still counts for optimistic concurrency.
    revision: Number(last.revision),
    lastHash: decodedLast?.event.metadata.hash ?? GENESIS_HASH,
    lastRecordedAt: decodedLast?.event.recordedAt ?? null,
    events: whole
      ? records.map((r) => decodeResolved(r, names)).filter((d): d is DecodedEvent => d !== null)
      : null,
  };
}

/**
 * The command record that an earlier append of `commandId` should have written, rebuilt from the
 * events it left in the stream, or null when the stream holds no events of that command.
 */
export function orphanedCommand(
  head: StreamHead,
  commandId: string,
  streamId: string,
): StoredCommand | null {
  const events = head.events ?? [];
  const first = events.find((d) => d.envelope.command?.commandId === commandId);
  if (!first?.envelope.command) return null;
  const sameWrite = events.filter((d) => d.envelope.writeId === first.envelope.writeId);
  const last = sameWrite[sameWrite.length - 1]!;
  return {
    ...first.envelope.command,
    streamId,
    eventIds: sameWrite.map((d) => d.event.eventId),
    nextExpectedRevision: last.event.streamRevision,
    checkpoint: checkpointToJson(checkpointOfEvent(last.event)),
  };
}
