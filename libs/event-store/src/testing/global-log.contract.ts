import { START, type Checkpoint, type EventStore, type RecordedEvent } from '../port';
import {
  checkpointOf,
  compareCheckpoints,
  duplicatesOf,
  firstOrderViolation,
  readWholeLog,
  sleep,
  someEvents,
  untilReadable,
  waitFor,
  withStore,
} from './contract.helpers';
import type { StoreHarness } from './store-harness';

/**
 * Appends `count` events spread over three streams, one append per event, and returns their ids
 * once the log shows them all.
 */
async function appendSpread(store: EventStore, count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  let last: Checkpoint | null = null;
  for (let i = 0; i < count; i++) {
    const result = await store.append(`${label}-${i % 3}`, someEvents(1, `${label}-${i}`), {
      expected: 'any',
    });
    ids.push(...result.eventIds);
    last = result.checkpoint;
  }
  await untilReadable(store, last);
  return ids;
}

/** A subscriber that records every event and the checkpoint of every page it was handed. */
function collectingSubscriber(store: EventStore, from: Checkpoint) {
  const seen: RecordedEvent[] = [];
  const errors: unknown[] = [];
  let lastCheckpoint = from;
  const subscription = store.subscribe({
    from,
    batchSize: 4,
    onEvents: async (events, checkpoint) => {
      seen.push(...events);
      lastCheckpoint = checkpoint;
    },
    onError: (error) => errors.push(error),
  });
  return { seen, errors, subscription, checkpoint: () => lastCheckpoint };
}

export function describeGlobalLog(h: StoreHarness): void {
  describe('global log', () => {
    test('readAll without metadata gives the same events and pages, each with empty metadata', async () => {
      await withStore(h, async (store) => {
        await appendSpread(store, 7, 'lean');
        const full = await store.readAll({ limit: 5 });
        const lean = await store.readAll({ limit: 5, metadata: false });
        expect(full.events.every((e) => typeof e.metadata.hash === 'string')).toBe(true);
        expect(lean.events).toEqual(full.events.map((e) => ({ ...e, metadata: {} })));
        expect(lean.checkpoint).toEqual(full.checkpoint);
        const rest = await store.readAll({ after: lean.checkpoint, metadata: false });
        expect(rest.events.map((e) => e.data.label)).toEqual(['lean-5', 'lean-6']);
        expect(rest.events.map((e) => e.metadata)).toEqual([{}, {}]);
      });
    });

    test('readAll pages with a small limit and resumes from each checkpoint without gaps or repeats', async () => {
      await withStore(h, async (store) => {
        const appended = await appendSpread(store, 25, 'page');
        const pages: RecordedEvent[][] = [];
        let after: Checkpoint = START;
        for (let guard = 0; guard < 50; guard++) {
          const page = await store.readAll({ after, limit: 4 });
          if (page.events.length === 0) {
            // An empty page hands back the checkpoint it was given, so a poller stays where it is.
            expect(page.checkpoint).toEqual(after);
            break;
          }
          expect(page.events.length).toBeLessThanOrEqual(4);
          expect(page.checkpoint).toEqual(checkpointOf(page.events[page.events.length - 1]!));
          pages.push(page.events);
          after = page.checkpoint;
        }
        const read = pages.flat();
        expect(pages.length).toBe(7);
        expect(duplicatesOf(read.map((e) => e.eventId))).toEqual([]);
        expect(read.map((e) => e.eventId)).toEqual(appended);
        expect(firstOrderViolation(read)).toBe(-1);
        const oneGo = await store.readAll({ limit: 1000 });
        expect(oneGo.events.map((e) => e.eventId)).toEqual(appended);
      });
    });

    test('the events of one append come back from readAll in the order they were appended', async () => {
      await withStore(h, async (store) => {
        // A dozen events in one transaction: positions with one and with two digits side by side.
        const result = await store.append('bulk', someEvents(12, 'bulk'), {
          expected: 'no_stream',
        });
        await untilReadable(store, result.checkpoint);
        const pages: string[][] = [];
        let after: Checkpoint = START;
        for (let guard = 0; guard < 10; guard++) {
          const page = await store.readAll({ after, limit: 5 });
          if (page.events.length === 0) break;
          pages.push(page.events.map((e) => e.eventId));
          after = page.checkpoint;
        }
        expect(pages.flat()).toEqual(result.eventIds);
        expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
        expect(await store.headCheckpoint()).toEqual(result.checkpoint);
        expect((await store.readStream('bulk')).map((e) => e.eventId)).toEqual(result.eventIds);
      });
    });

    test('readAll after the last checkpoint is empty, and the head checkpoint is that last event', async () => {
      await withStore(h, async (store) => {
        await appendSpread(store, 5, 'head');
        const log = await readWholeLog(store);
        const head = await store.headCheckpoint();
        expect(head).toEqual(checkpointOf(log[log.length - 1]!));
        const beyond = await store.readAll({ after: head });
        expect(beyond.events).toEqual([]);
      });
    });

    test('subscribe resumes from a stored checkpoint: nothing seen twice, nothing missed', async () => {
      await withStore(h, async (store) => {
        const firstBatch = await appendSpread(store, 10, 'before');
        const first = collectingSubscriber(store, START);
        await waitFor(() => first.seen.length >= 10, 'the first subscriber to catch up');
        await first.subscription.stop();
        const stored = first.checkpoint();
        expect(first.seen.map((e) => e.eventId)).toEqual(firstBatch);
        expect(stored).toEqual(checkpointOf(first.seen[first.seen.length - 1]!));

        // Written while nobody is subscribed: the resumed subscriber must catch up on exactly these.
        const whileStopped = await appendSpread(store, 5, 'stopped');
        const second = collectingSubscriber(store, stored);
        try {
          await waitFor(() => second.seen.length >= 5, 'the resumed subscriber to catch up');
          // And then follow the live log.
          const live = await appendSpread(store, 3, 'live');
          await waitFor(() => second.seen.length >= 8, 'the resumed subscriber to see live events');
          await sleep(200);
          expect(second.seen.map((e) => e.eventId)).toEqual([...whileStopped, ...live]);
        } finally {
          await second.subscription.stop();
        }
        expect(first.errors).toEqual([]);
        expect(second.errors).toEqual([]);
        expect(compareCheckpoints(second.checkpoint(), stored)).toBe(1);
      });
    });

    test('a stopped subscription delivers nothing more', async () => {
      await withStore(h, async (store) => {
        await appendSpread(store, 2, 'early');
        const sub = collectingSubscriber(store, START);
        await waitFor(() => sub.seen.length >= 2, 'the subscriber to catch up');
        await sub.subscription.stop();
        await appendSpread(store, 3, 'late');
        await sleep(300);
        expect(sub.seen).toHaveLength(2);
      });
    });
  });
}
