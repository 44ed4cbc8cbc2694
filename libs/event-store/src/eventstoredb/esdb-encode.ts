import { jsonEvent } from '@eventstore/db-client';
import { v5 as uuidv5 } from 'uuid';
import { hashEvent } from '../event-hash';
import type { JsonObject, NewEvent } from '../port';
import type { ValidAppend } from '../append-validation';
import type { StoredEnvelope } from './esdb-codec';
import type { StreamHead } from './esdb-stream-head';

/** The namespace of derived event ids; the same as the domain's (`libs/domain/src/shared/ids.ts`). */
const EVENT_ID_NAMESPACE = '5b0c7c52-8f8e-4f4e-9a51-2f6f0b3f2d10';

/** Event ids the caller left to the store become uuid v5 of `commandId#index`: a retry reuses them. */
export function derivedEventIds(valid: ValidAppend, given: NewEvent[], commandId: string): void {
  valid.events.forEach((event, index) => {
    if (given[index]?.eventId === undefined)
      event.eventId = uuidv5(`${commandId}#${index}`, EVENT_ID_NAMESPACE);
  });
}

/** The EventStoreDB events to write, hash-chained onto the stream head as `hashing.ts` defines. */
export function encode(valid: ValidAppend, head: StreamHead, writeId: string, now: Date) {
  const nowIso = now.toISOString();
  const recordedAt =
    head.lastRecordedAt !== null && head.lastRecordedAt > nowIso ? head.lastRecordedAt : nowIso;
  let prevHash = head.lastHash;
  return valid.events.map((event, index) => {
    const streamRevision = head.revision + 1 + index;
    // The same hash as the SQL adapter: over the canonical data and metadata validation produced.
    const { hash } = hashEvent(prevHash, {
      ...event,
      streamId: valid.streamId,
      streamRevision,
      recordedAt,
    });
    const metadata = JSON.parse(event.metadataJson) as JsonObject;
    const envelope: StoredEnvelope = {
      occurredAt: event.occurredAt,
      recordedAt,
      metadata: { ...metadata, hash, prevHash },
      writeId,
      ...(index === 0 && valid.command ? { command: valid.command } : {}),
    };
    prevHash = hash;
    return jsonEvent({
      id: event.eventId,
      type: event.type,
      data: JSON.parse(event.dataJson) as JsonObject,
      metadata: { ...envelope },
    });
  });
}
