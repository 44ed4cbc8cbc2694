import { hash as digest } from 'node:crypto';

/** The fields of one event that its hash covers, as they will be stored. */
export interface HashedFields {
  eventId: string;
  type: string;
  streamId: string;
  streamRevision: number;
  occurredAt: string;
  recordedAt: string;
  /** `canonicalJson(data)`, as validation produced it. */
  dataJson: string;
  /** `canonicalJson(metadata)`: with schemaVersion, without hash, prevHash or undefined values. */
  metadataJson: string;
}

export interface HashedEvent {
  hash: string;
  /** The metadata to store, as JSON: the hashed metadata plus `hash` and `prevHash`. */
  storedMetadataJson: string;
}

/**
 * `chainHash(prevHash, hashedContent(event))` from hashing.ts, computed without building the
 * content object: its canonical JSON is assembled from the already canonical data and metadata
 * in the content's sorted key order (data, eventId, metadata, occurredAt, recordedAt, streamId,
 * streamRevision, type). The append path hashes every event, so this is the hottest code in the
 * store; `event-hash.unit.spec.ts` holds it equal to hashing.ts for arbitrary events.
 */
export function hashEvent(prevHash: string, fields: HashedFields): HashedEvent {
  const { dataJson, metadataJson } = fields;
  const content =
    `{"data":${dataJson},"eventId":${JSON.stringify(fields.eventId)},"metadata":${metadataJson}` +
    `,"occurredAt":${JSON.stringify(fields.occurredAt)},"recordedAt":${JSON.stringify(fields.recordedAt)}` +
    `,"streamId":${JSON.stringify(fields.streamId)},"streamRevision":${JSON.stringify(fields.streamRevision)}` +
    `,"type":${JSON.stringify(fields.type)}}`;
  // One-shot hashing (Node ≥ 20.12) of prevHash ‖ content: no Hash object per event.
  const hash = digest('sha256', prevHash + content, 'hex');
  const links = `"hash":"${hash}","prevHash":${JSON.stringify(prevHash)}}`;
  return {
    hash,
    storedMetadataJson:
      metadataJson === '{}' ? `{${links}` : `${metadataJson.slice(0, -1)},${links}`,
  };
}
