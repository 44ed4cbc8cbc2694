import { WrongExpectedRevisionError } from '../errors';
import { START, type EventStore, type ExpectedRevision } from '../port';
import {
  anEvent,
  outcomeOf,
  readWholeLog,
  someEvents,
  untilReadable,
  withStore,
} from './contract.helpers';
import type { StoreHarness } from './store-harness';

/** Asserts a typed revision conflict that names the stream, what was expected and what was found. */
async function expectConflict(
  store: EventStore,
  streamId: string,
  expected: ExpectedRevision,
  actual: number,
): Promise<void> {
  const before = await store.readStream(streamId);
  const { error } = await outcomeOf(store.append(streamId, someEvents(3, 'refused'), { expected }));
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  const conflict = error as WrongExpectedRevisionError;
  expect(conflict.code).toBe('store.wrong_expected_revision');
  expect(conflict.streamId).toBe(streamId);
  expect(conflict.expected).toBe(expected);
  expect(conflict.actual).toBe(actual);
  // A refused append must leave no trace: not one of its three events.
  const after = await store.readStream(streamId);
  expect(after.map((e) => e.eventId)).toEqual(before.map((e) => e.eventId));
  const log = await readWholeLog(store);
  expect(log.some((e) => e.data.label === 'refused')).toBe(false);
}

export function describeExpectedRevision(h: StoreHarness): void {
  describe('expected revision', () => {
    test('no_stream on a missing stream creates it at revision 0', async () => {
      await withStore(h, async (store) => {
        const result = await store.append('s-1', [anEvent()], { expected: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(0);
        expect(result.duplicate).toBe(false);
        expect((await store.readStream('s-1')).map((e) => e.streamRevision)).toEqual([0]);
      });
    });

    test('no_stream on an existing stream is a typed conflict with the actual revision', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(2), { expected: 'no_stream' });
        await expectConflict(store, 's-1', 'no_stream', 1);
      });
    });

    test('stream_exists on an existing stream appends after its head', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', [anEvent()], { expected: 'no_stream' });
        const result = await store.append('s-1', someEvents(2), { expected: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(2);
        expect((await store.readStream('s-1')).map((e) => e.streamRevision)).toEqual([0, 1, 2]);
      });
    });

    test('stream_exists on a missing stream is a typed conflict with actual −1', async () => {
      await withStore(h, async (store) => {
        await expectConflict(store, 'missing', 'stream_exists', -1);
        expect(await store.headCheckpoint()).toEqual(START);
      });
    });

    test('an exact revision equal to the head appends', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(2), { expected: 'no_stream' });
        const result = await store.append('s-1', [anEvent()], { expected: 1 });
        expect(result.nextExpectedRevision).toBe(2);
        expect(result.eventIds).toHaveLength(1);
      });
    });

    test('a stale exact revision is a typed conflict with the actual revision', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(3), { expected: 'no_stream' });
        await expectConflict(store, 's-1', 1, 2);
      });
    });

    test('an exact revision ahead of the head is a typed conflict', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(2), { expected: 'no_stream' });
        await expectConflict(store, 's-1', 5, 1);
      });
    });

    test('an exact revision on a missing stream is a typed conflict with actual −1', async () => {
      await withStore(h, async (store) => {
        await expectConflict(store, 'missing', 0, -1);
      });
    });

    test('any appends to a missing stream and to an existing one', async () => {
      await withStore(h, async (store) => {
        const first = await store.append('s-1', someEvents(2), { expected: 'any' });
        expect(first.nextExpectedRevision).toBe(1);
        const second = await store.append('s-1', [anEvent()], { expected: 'any' });
        expect(second.nextExpectedRevision).toBe(2);
        expect((await store.readStream('s-1')).map((e) => e.streamRevision)).toEqual([0, 1, 2]);
      });
    });

    test('a conflict on one stream leaves other streams and the log untouched', async () => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(1, 'kept'), { expected: 'no_stream' });
        const kept = await store.append('s-2', someEvents(1, 'kept'), { expected: 'no_stream' });
        await untilReadable(store, kept.checkpoint);
        const head = await store.headCheckpoint();
        await expectConflict(store, 's-2', 'no_stream', 0);
        expect(await store.headCheckpoint()).toEqual(head);
        expect((await readWholeLog(store)).map((e) => e.streamId)).toEqual(['s-1', 's-2']);
      });
    });
  });
}
