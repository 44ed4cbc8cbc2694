import fc from 'fast-check';
import { GENESIS_HASH, canonicalJson, chainHash, hashedContent } from './hashing';
import type { JsonObject, JsonValue } from './port';
import { hashEvent, type HashedFields } from './event-hash';

const jsonObject = fc.dictionary(
  fc.string(),
  fc.jsonValue() as fc.Arbitrary<JsonValue>,
) as fc.Arbitrary<JsonObject>;

const events = fc.record({
  eventId: fc.uuid(),
  type: fc.string({ minLength: 1 }),
  streamId: fc.string({ minLength: 1 }),
  streamRevision: fc.nat(),
  occurredAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  recordedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  data: jsonObject,
  metadata: fc.record(
    { commandId: fc.string(), actor: fc.string(), schemaVersion: fc.integer({ min: 1, max: 9 }) },
    { requiredKeys: ['schemaVersion'] },
  ) as fc.Arbitrary<JsonObject>,
});

const previousHashes = fc.oneof(
  fc.constant(GENESIS_HASH),
  fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
);

type Event = Omit<HashedFields, 'dataJson' | 'metadataJson'> & {
  data: JsonObject;
  metadata: JsonObject;
};

function fieldsOf({ data, metadata, ...rest }: Event): HashedFields {
  return { ...rest, dataJson: canonicalJson(data), metadataJson: canonicalJson(metadata) };
}

describe('hashEvent', () => {
  test('is chainHash over hashedContent, for any event and any previous hash', () => {
    fc.assert(
      fc.property(events, previousHashes, (event, prev) => {
        const expected = chainHash(
          prev,
          hashedContent({ ...event, metadata: { ...event.metadata } }),
        );
        expect(hashEvent(prev, fieldsOf(event)).hash).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('the stored metadata is the hashed metadata plus both hashes', () => {
    fc.assert(
      fc.property(events, previousHashes, (event, prev) => {
        const hashed = hashEvent(prev, fieldsOf(event));
        expect(JSON.parse(hashed.storedMetadataJson)).toEqual({
          ...event.metadata,
          hash: hashed.hash,
          prevHash: prev,
        });
      }),
      { numRuns: 300 },
    );
    const bare = hashEvent(GENESIS_HASH, { ...fieldsOf(anEvent()), metadataJson: '{}' });
    expect(JSON.parse(bare.storedMetadataJson)).toEqual({
      hash: bare.hash,
      prevHash: GENESIS_HASH,
    });
  });

  test('any change to the content or to the previous hash changes the hash', () => {
    const base = fieldsOf(anEvent());
    const hash = hashEvent(GENESIS_HASH, base).hash;
    expect(hashEvent(GENESIS_HASH, { ...base, dataJson: '{"amount":"10.01"}' }).hash).not.toBe(
      hash,
    );
    expect(hashEvent(GENESIS_HASH, { ...base, streamRevision: 1 }).hash).not.toBe(hash);
    expect(
      hashEvent(GENESIS_HASH, { ...base, recordedAt: '2026-03-01T10:00:01.001Z' }).hash,
    ).not.toBe(hash);
    expect(hashEvent('1'.repeat(64), base).hash).not.toBe(hash);
  });
});

function anEvent(): Event {
  return {
    eventId: '0b6f1f5e-6a1d-4c39-9f7e-3d0c2a1b4e5f',
    type: 'PaymentRecorded',
    streamId: 'account-1',
    streamRevision: 0,
    occurredAt: '2026-03-01T10:00:00.000Z',
    recordedAt: '2026-03-01T10:00:01.000Z',
    data: { amount: '10.00' },
    metadata: { schemaVersion: 1 },
  };
}
