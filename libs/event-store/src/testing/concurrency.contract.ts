import { WrongExpectedRevisionError } from '../errors';
import { START, type EventStore, type ExpectedRevision, type RecordedEvent } from '../port';
import {
  anEvent,
  checkpointOf,
  compareCheckpoints,
  duplicatesOf,
  firstOrderViolation,
  readWholeLog,
  sleep,
  waitFor,
  withStore,
} from './contract.helpers';
import type { StoreHarness } from './store-harness';

interface Attempt {
  writer: number;
  expected: ExpectedRevision;
  ok: boolean;
}

/**
 * One optimistic writer: the first attempt uses the revision every writer was told to expect, every
 * later one re-reads the stream and retries, as command handlers do.
 */
async function optimisticWriter(
  store: EventStore,
  streamId: string,
  writer: number,
  firstExpected: ExpectedRevision,
  attempts: Attempt[],
): Promise<void> {
  let expected = firstExpected;
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      await store.append(streamId, [anEvent({ type: 'WriterAppended', data: { writer } })], {
        expected,
      });
      attempts.push({ writer, expected, ok: true });
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      attempts.push({ writer, expected, ok: false });
      const history = await store.readStream(streamId);
      expected = history.length === 0 ? 'no_stream' : history[history.length - 1]!.streamRevision;
    }
  }
  throw new Error(`writer ${writer} never got its event in`);
}

export function describeConcurrency(h: StoreHarness): void {
  describe('concurrency', () => {
    test('8 writers racing on one stream: exactly one wins each revision, no gaps, each event once', async () => {
      await withStore(h, async (store) => {
        const writers = 8;
        const attempts: Attempt[] = [];
        await Promise.all(
          Array.from({ length: writers }, (_, w) =>
            optimisticWriter(store, 'contended', w, 'no_stream', attempts),
          ),
        );

        // Every writer first expected a missing stream: exactly one of those first attempts may win.
        const firstRound = attempts.filter((a) => a.expected === 'no_stream');
        expect(firstRound.filter((a) => a.ok)).toHaveLength(1);
        // No expected revision was ever granted twice.
        const wins = attempts.filter((a) => a.ok).map((a) => String(a.expected));
        expect(duplicatesOf(wins)).toEqual([]);

        const stream = await store.readStream('contended');
        expect(stream.map((e) => e.streamRevision)).toEqual(
          Array.from({ length: writers }, (_, i) => i),
        );
        expect(stream.map((e) => e.data.writer).sort()).toEqual(
          Array.from({ length: writers }, (_, i) => i),
        );
      });
    });

    test('16 writers committing out of order while a subscriber reads: every event once, in commit order', async () => {
      const beforeCommit = () => sleep(Math.random() * 30);
      await withStore(
        h,
        async (store) => {
          const writers = 16;
          const appendsPerWriter = 3;
          const eventsPerAppend = 2;
          const total = writers * appendsPerWriter * eventsPerAppend;
          const seen: RecordedEvent[] = [];
          const pageProblems: string[] = [];
          const errors: unknown[] = [];
          const subscription = store.subscribe({
            from: START,
            batchSize: 7,
            onEvents: async (events, checkpoint) => {
              const last = events[events.length - 1];
              if (!last || compareCheckpoints(checkpoint, checkpointOf(last)) !== 0) {
                pageProblems.push(
                  `page checkpoint ${checkpoint.transactionId}/${checkpoint.globalPosition} is not its last event's`,
                );
              }
              seen.push(...events);
            },
            onError: (error) => errors.push(error),
          });
          try {
            await Promise.all(
              Array.from({ length: writers }, async (_, w) => {
                for (let a = 0; a < appendsPerWriter; a++) {
                  const events = Array.from({ length: eventsPerAppend }, (_, i) =>
                    anEvent({ type: 'WriterAppended', data: { writer: w, append: a, index: i } }),
                  );
                  const expected = a === 0 ? 'no_stream' : a * eventsPerAppend - 1;
                  await store.append(`writer-${w}`, events, { expected });
                }
              }),
            );
            await waitFor(() => seen.length >= total, `the subscriber to see ${total} events`);
            // Give a duplicating subscriber the chance to show itself before judging.
            await sleep(300);
          } finally {
            await subscription.stop();
          }

          expect(errors).toEqual([]);
          expect(pageProblems).toEqual([]);
          expect(duplicatesOf(seen.map((e) => e.eventId))).toEqual([]);
          expect(seen).toHaveLength(total);
          expect(firstOrderViolation(seen)).toBe(-1);
          const log = await readWholeLog(store);
          expect(seen.map((e) => e.eventId)).toEqual(log.map((e) => e.eventId));
          for (let w = 0; w < writers; w++) {
            const revisions = seen
              .filter((e) => e.streamId === `writer-${w}`)
              .map((e) => e.streamRevision);
            expect(revisions).toEqual(
              Array.from({ length: appendsPerWriter * eventsPerAppend }, (_, i) => i),
            );
          }
        },
        { beforeCommit },
      );
    });
  });
}
