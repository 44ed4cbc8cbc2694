import { sealHash } from '../hashing';
import type { EventStore } from '../port';
import {
  checkpointOf,
  readWholeLog,
  someEvents,
  untilReadable,
  withStore,
} from './contract.helpers';
import type { StoreHarness } from './store-harness';

/**
 * Two streams, appended one after the other so that the commit order is known without asking the
 * store: victim 0..3, bystander 0..7 (one append, so positions of one and two digits share a
 * transaction), victim 4 (also the log's last event). Then sealed in seals of at most three events.
 */
export async function sealedHistory(store: EventStore) {
  await store.append('victim', someEvents(4, 'victim'), { expected: 'no_stream' });
  await store.append('bystander', someEvents(8, 'bystander'), { expected: 'no_stream' });
  const last = await store.append('victim', someEvents(1, 'victim-last'), { expected: 3 });
  // Seals cover what readers can see; wait until that is everything appended.
  await untilReadable(store, last.checkpoint);
  const seals = await store.seal({ maxEventsPerSeal: 3 });
  const victim = await store.readStream('victim');
  const bystander = await store.readStream('bystander');
  const commitOrder = [...victim.slice(0, 4), ...bystander, victim[4]!];
  return { seals, eventCount: 13, commitOrder };
}

export function describeSeals(h: StoreHarness): void {
  describe('seals', () => {
    test('seal chains the event hashes of the log in commit order, as hashing.ts defines', async () => {
      await withStore(h, async (store) => {
        const { seals, eventCount, commitOrder } = await sealedHistory(store);
        const log = await readWholeLog(store);
        expect(log.map((e) => e.eventId)).toEqual(commitOrder.map((e) => e.eventId));
        expect(seals.length).toBeGreaterThanOrEqual(5);
        expect(seals.reduce((n, s) => n + s.eventCount, 0)).toBe(eventCount);
        let covered = 0;
        for (let i = 0; i < seals.length; i++) {
          const seal = seals[i]!;
          expect(seal.eventCount).toBeLessThanOrEqual(3);
          if (i > 0) {
            expect(seal.sealNumber).toBe(seals[i - 1]!.sealNumber + 1);
            expect(seal.prevHash).toBe(seals[i - 1]!.hash);
          }
          const range = commitOrder.slice(covered, covered + seal.eventCount);
          covered += seal.eventCount;
          expect(seal.upTo).toEqual(checkpointOf(range[range.length - 1]!));
          expect(seal.hash).toBe(
            sealHash(
              seal.prevHash,
              range.map((e) => e.metadata.hash),
            ),
          );
        }
      });
    });

    test('sealing again seals only what is new and extends the same chain', async () => {
      await withStore(h, async (store) => {
        const { seals } = await sealedHistory(store);
        expect(await store.seal()).toEqual([]);
        const late = await store.append('late', someEvents(2), { expected: 'no_stream' });
        await untilReadable(store, late.checkpoint);
        const more = await store.seal();
        expect(more).toHaveLength(1);
        expect(more[0]!.eventCount).toBe(2);
        expect(more[0]!.prevHash).toBe(seals[seals.length - 1]!.hash);
        expect(more[0]!.sealNumber).toBe(seals[seals.length - 1]!.sealNumber + 1);
      });
    });

    test('an untouched store verifies with the right counts, sealed and unsealed events alike', async () => {
      await withStore(h, async (store) => {
        const { seals, eventCount } = await sealedHistory(store);
        const unsealed = await store.append('bystander', someEvents(2, 'unsealed'), {
          expected: 7,
        });
        await untilReadable(store, unsealed.checkpoint);
        const report = await store.verifyIntegrity();
        expect(report.problems).toEqual([]);
        expect(report.ok).toBe(true);
        expect(report.eventsChecked).toBe(eventCount + 2);
        expect(report.sealsChecked).toBe(seals.length);
      });
    });
  });
}
