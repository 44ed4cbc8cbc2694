import { GENESIS_HASH, chainHash, hashedContent } from '../hashing';
import { START } from '../port';
import {
  ISO_UTC_PATTERN,
  UUID_PATTERN,
  anEvent,
  checkpointOf,
  compareCheckpoints,
  readWholeLog,
  sleep,
  someEvents,
  untilReadable,
  withStore,
} from './contract.helpers';
import type { StoreHarness } from './store-harness';

const EVENT_ID = '0b6f1f5e-6a1d-4c39-9f7e-3d0c2a1b4e5f';

export function describeBasics(h: StoreHarness): void {
  describe('basics', () => {
    test('ping answers and an empty store has the START head and an empty log', async () => {
      await withStore(h, async (store) => {
        expect(store.name).toBe(h.name);
        await expect(store.ping()).resolves.toBeUndefined();
        expect(await store.headCheckpoint()).toEqual(START);
        expect((await store.readAll()).events).toEqual([]);
        expect(await store.readStream('nobody')).toEqual([]);
        expect(await store.findCommand('never-sent')).toBeNull();
        expect(await store.lookupKey('never-claimed')).toBeNull();
      });
    });

    test('an appended event reads back with every field the port promises', async () => {
      await withStore(h, async (store) => {
        const result = await store.append(
          'partner-p1',
          [
            anEvent({
              eventId: EVENT_ID,
              type: 'PartnerEnrolled',
              occurredAt: '2026-03-01T10:00:00.000Z',
              data: { partnerId: 'p1', nested: { amount: '12.50', list: [1, 'two', null, true] } },
              metadata: {
                commandId: 'EnrollPartner:p1',
                causationId: 'c-1',
                correlationId: 'k-1',
                actor: 'ops',
              },
            }),
          ],
          { expected: 'no_stream' },
        );
        expect(result.eventIds).toEqual([EVENT_ID]);
        const [event] = await store.readStream('partner-p1');
        expect(event).toMatchObject({
          eventId: EVENT_ID,
          type: 'PartnerEnrolled',
          streamId: 'partner-p1',
          streamRevision: 0,
          occurredAt: '2026-03-01T10:00:00.000Z',
          data: { partnerId: 'p1', nested: { amount: '12.50', list: [1, 'two', null, true] } },
          metadata: {
            commandId: 'EnrollPartner:p1',
            causationId: 'c-1',
            correlationId: 'k-1',
            actor: 'ops',
          },
        });
        expect(typeof event!.globalPosition).toBe('bigint');
        expect(typeof event!.transactionId).toBe('bigint');
        expect(event!.recordedAt).toMatch(ISO_UTC_PATTERN);
        expect(event!.metadata.schemaVersion).toBe(1);
        expect(result.checkpoint).toEqual(checkpointOf(event!));
      });
    });

    test('the hash chain along a stream is the one hashing.ts defines', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(2), { expected: 'no_stream' });
        await store.append('s-1', someEvents(1, 'later'), { expected: 1 });
        const stream = await store.readStream('s-1');
        let prevHash = GENESIS_HASH;
        for (const event of stream) {
          expect(event.metadata.prevHash).toBe(prevHash);
          expect(event.metadata.hash).toBe(
            chainHash(prevHash, hashedContent({ ...event, metadata: { ...event.metadata } })),
          );
          prevHash = event.metadata.hash;
        }
      });
    });

    test('a store-assigned event id is a uuid, different for every event', async () => {
      await withStore(h, async (store) => {
        const result = await store.append('s-1', someEvents(3), { expected: 'no_stream' });
        for (const id of result.eventIds) expect(id).toMatch(UUID_PATTERN);
        expect(new Set(result.eventIds).size).toBe(3);
        expect((await store.readStream('s-1')).map((e) => e.eventId)).toEqual(result.eventIds);
      });
    });

    test('readStream honours fromRevision and maxCount', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(6), { expected: 'no_stream' });
        const slice = await store.readStream('s-1', { fromRevision: 2, maxCount: 3 });
        expect(slice.map((e) => e.streamRevision)).toEqual([2, 3, 4]);
        expect(await store.readStream('s-1', { fromRevision: 6 })).toEqual([]);
      });
    });

    test('knownAt shows a stream as the ledger knew it at that recorded time', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(2, 'early'), { expected: 'no_stream' });
        const early = await store.readStream('s-1');
        await sleep(25);
        await store.append('s-1', someEvents(1, 'late'), { expected: 1 });
        const all = await store.readStream('s-1');
        expect(all[2]!.recordedAt > early[1]!.recordedAt).toBe(true);

        // An event recorded at exactly knownAt was known then.
        const knownThen = await store.readStream('s-1', { knownAt: early[1]!.recordedAt });
        expect(knownThen.map((e) => e.data.label)).toEqual(['early', 'early']);
        expect(await store.readStream('s-1', { knownAt: '2000-01-01T00:00:00.000Z' })).toEqual([]);
        expect(await store.readStream('s-1', { knownAt: '2999-01-01T00:00:00.000Z' })).toHaveLength(
          3,
        );
      });
    });

    test('the head checkpoint reaches the last append and never runs ahead of it', async () => {
      await withStore(h, async (store) => {
        const first = await store.append('s-1', someEvents(2), { expected: 'no_stream' });
        expect(
          compareCheckpoints(await store.headCheckpoint(), first.checkpoint!),
        ).toBeLessThanOrEqual(0);
        await untilReadable(store, first.checkpoint);
        expect(await store.headCheckpoint()).toEqual(first.checkpoint);
        const second = await store.append('s-2', someEvents(1), { expected: 'no_stream' });
        await untilReadable(store, second.checkpoint);
        expect(await store.headCheckpoint()).toEqual(second.checkpoint);
        const log = await readWholeLog(store);
        expect(second.checkpoint).toEqual(checkpointOf(log[log.length - 1]!));
      });
    });
  });
}
