import { createHash } from 'node:crypto';
import type { JsonValue, RecordedEvent } from './port';

/** The `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth and no insignificant white space, so that the same
 * value always hashes the same, whatever key order a database or a client gave it.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as JsonValue)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The part of an event its hash covers: everything the event says, except where the database
 * happened to put it (global position, transaction id) and the hash fields themselves.
 * The data is the stored (not upcast) shape.
 */
export function hashedContent(
  event: Pick<
    RecordedEvent,
    'eventId' | 'type' | 'streamId' | 'streamRevision' | 'occurredAt' | 'recordedAt' | 'data'
  > & {
    metadata: { [key: string]: JsonValue | undefined };
  },
): JsonValue {
  const { hash: _hash, prevHash: _prevHash, ...metadata } = event.metadata;
  const cleanMetadata: { [key: string]: JsonValue } = {};
  for (const [k, v] of Object.entries(metadata)) if (v !== undefined) cleanMetadata[k] = v;
  return {
    eventId: event.eventId,
    type: event.type,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    data: event.data,
    metadata: cleanMetadata,
  };
}

/** hash = sha256(prevHash ‖ canonical JSON of the event). */
export function chainHash(prevHash: string, content: JsonValue): string {
  return sha256Hex(prevHash + canonicalJson(content));
}

/** A seal's hash: sha256(previous seal hash ‖ the event hashes it covers, in commit order). */
export function sealHash(prevSealHash: string, eventHashes: string[]): string {
  const h = createHash('sha256').update(prevSealHash);
  for (const e of eventHashes) h.update(e);
  return h.digest('hex');
}
