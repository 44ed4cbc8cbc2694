import type { RecordedEvent, Upcaster } from '../port';
import { anEvent, sleep, someEvents, withStore } from './contract.helpers';
import type { StoreHarness } from './store-harness';

/** Marks every event it reads, so a test can tell whether a read went through it. */
const markRead: Upcaster = (event: RecordedEvent) => ({
  ...event,
  data: { ...event.data, upcast: true },
  metadata: { ...event.metadata, schemaVersion: 2 },
});

export function describeReadStreams(h: StoreHarness): void {
  describe('readStreams', () => {
    test('no stream asked for reads nothing', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(1), { expected: 'no_stream' });
        expect(await store.readStreams([])).toEqual(new Map());
      });
    });

    test('each stream reads as readStream reads it, a missing one as an empty array', async () => {
      await withStore(h, async (store) => {
        // Interleaved appends: the global log order is not any one stream's revision order.
        await store.append('s-b', someEvents(2, 'b'), { expected: 'no_stream' });
        await store.append('s-a', someEvents(1, 'a'), { expected: 'no_stream' });
        await store.append('s-b', someEvents(1, 'b-later'), { expected: 1 });
        await store.append('s-a', someEvents(3, 'a-later'), { expected: 0 });
        await store.append('s-other', someEvents(1), { expected: 'no_stream' });

        const read = await store.readStreams(['s-b', 'missing', 's-a', 's-b']);
        expect([...read.keys()]).toEqual(['s-b', 'missing', 's-a']);
        expect(read.get('missing')).toEqual([]);
        expect(read.get('s-a')).toEqual(await store.readStream('s-a'));
        expect(read.get('s-b')).toEqual(await store.readStream('s-b'));
        expect(read.get('s-a')!.map((e) => e.streamRevision)).toEqual([0, 1, 2, 3]);
        expect(read.get('s-b')!.map((e) => e.data.label)).toEqual(['b', 'b', 'b-later']);
      });
    });

    test('knownAt shows every stream as the ledger knew it at that recorded time', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(2, 'early'), { expected: 'no_stream' });
        await store.append('s-2', someEvents(1, 'early'), { expected: 'no_stream' });
        const early = await store.readStream('s-2');
        await sleep(25);
        await store.append('s-1', someEvents(1, 'late'), { expected: 1 });
        await store.append('s-3', someEvents(1, 'late'), { expected: 'no_stream' });

        const knownAt = early[0]!.recordedAt;
        const then = await store.readStreams(['s-1', 's-2', 's-3'], { knownAt });
        for (const id of ['s-1', 's-2', 's-3'])
          expect(then.get(id)).toEqual(await store.readStream(id, { knownAt }));
        expect(then.get('s-1')!.map((e) => e.data.label)).toEqual(['early', 'early']);
        expect(then.get('s-3')).toEqual([]);
      });
    });

    test('events are upcast as readStream upcasts them', async () => {
      await withStore(
        h,
        async (store) => {
          await store.append('s-1', [anEvent({ data: { amount: '10.00' } })], {
            expected: 'no_stream',
          });
          const read = await store.readStreams(['s-1']);
          expect(read.get('s-1')).toEqual(await store.readStream('s-1'));
          expect(read.get('s-1')![0]!.data).toEqual({ amount: '10.00', upcast: true });
          expect(read.get('s-1')![0]!.metadata.schemaVersion).toBe(2);
        },
        { upcast: markRead },
      );
    });
  });
}
