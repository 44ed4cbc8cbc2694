import type { ReadAllPage, RecordedEvent } from '@ledger/event-store/port';
import type { PreparedSet } from './commit-lanes';
import { nextLimit, PAGE_BYTES, PageSlicer, SliceCursor } from './page-slices';

function page(count: number, firstPosition = 1): ReadAllPage {
  const events = Array.from({ length: count }, (_, i) => ({
    eventId: `e${firstPosition + i}`,
    transactionId: 100n + BigInt(Math.floor((firstPosition + i) / 7)),
    globalPosition: BigInt(firstPosition + i),
  })) as unknown as RecordedEvent[];
  const last = events[events.length - 1]!;
  return {
    events,
    checkpoint: { transactionId: last.transactionId, globalPosition: last.globalPosition },
  };
}

/** Prepares nothing but weighs each event `bytesPerEvent` bytes, and records the slices it saw. */
function weighing(bytesPerEvent: number) {
  const seen: ReadAllPage[] = [];
  return {
    seen,
    prepare(slice: ReadAllPage): PreparedSet {
      seen.push(slice);
      return {
        prepared: new Map(),
        events: slice.events.length,
        bytes: slice.events.length * bytesPerEvent,
      };
    },
  };
}

function drainCursor(cursor: SliceCursor, lanes: ReturnType<typeof weighing>): number[][] {
  const batches: number[][] = [];
  while (!cursor.done) batches.push(cursor.nextBatch(lanes).map((set) => set.events));
  return batches;
}

describe('slicing pages of the log by the bytes they produce', () => {
  it('commits a page of ordinary events at once: a probe and the rest, in one batch', () => {
    const lanes = weighing(1_000);
    const batches = drainCursor(new SliceCursor(page(2_000), new PageSlicer()), lanes);
    expect(batches).toEqual([[500, 1_500]]);
  });

  it('cuts a page of big events into commits of about PAGE_BYTES, covering every event once, in order', () => {
    const bytesPerEvent = 50_000;
    const lanes = weighing(bytesPerEvent);
    const source = page(2_000);
    const cursor = new SliceCursor(source, new PageSlicer());
    const batches = drainCursor(cursor, lanes);

    expect(batches.length).toBeGreaterThan(3);
    for (const batch of batches) {
      const bytes = batch.reduce((sum, events) => sum + events, 0) * bytesPerEvent;
      // A batch stops once it reaches PAGE_BYTES; a single slice may reach it on its own.
      expect(bytes - batch[batch.length - 1]! * bytesPerEvent).toBeLessThan(PAGE_BYTES);
    }
    const covered = lanes.seen.flatMap((slice) => slice.events.map((e) => e.eventId));
    expect(covered).toEqual(source.events.map((e) => e.eventId));
    expect(cursor.bytes).toBe(2_000 * bytesPerEvent);
  });

  it('ends every slice at the checkpoint of its last event, and the page at its own checkpoint', () => {
    const lanes = weighing(50_000);
    const source = page(1_200, 40);
    drainCursor(new SliceCursor(source, new PageSlicer()), lanes);
    for (const slice of lanes.seen) {
      const last = slice.events[slice.events.length - 1]!;
      expect(slice.checkpoint).toEqual({
        transactionId: last.transactionId,
        globalPosition: last.globalPosition,
      });
    }
    expect(lanes.seen[lanes.seen.length - 1]!.checkpoint).toBe(source.checkpoint);
  });

  it('lets go of the page once its last slice is prepared', () => {
    const cursor = new SliceCursor(page(300), new PageSlicer());
    expect(cursor.done).toBe(false);
    cursor.nextBatch(weighing(10));
    expect(cursor.done).toBe(true);
    expect(cursor.events).toBe(300);
  });

  it('asks the store for fewer events after a heavy page, never fewer than 100 nor more than the batch size', () => {
    expect(nextLimit(2_000, 2_000 * 1_000, 2_000)).toBe(2_000);
    expect(nextLimit(2_000, 2_000 * 40_000, 2_000)).toBe(Math.floor(PAGE_BYTES / 40_000));
    expect(nextLimit(2_000, 2_000 * 10_000_000, 2_000)).toBe(100);
    expect(nextLimit(4, 4_000_000_000, 4)).toBe(4);
    expect(nextLimit(10, 0, 2_000)).toBe(2_000);
  });
});
