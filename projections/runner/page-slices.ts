import type { Checkpoint, ReadAllPage } from '@ledger/event-store/port';
import type { CommitLanes, PreparedSet } from './commit-lanes';

/**
 * Bytes of rows one commit should carry at most. Events differ in size by orders of magnitude (a
 * payout lists every line it pays), and what a rebuild holds in memory is what it has prepared and
 * not yet committed: bounding that by bytes, not by event count, keeps memory flat whatever the log.
 */
export const PAGE_BYTES = 8 * 1024 * 1024;

/** Events of the first slice of every page: enough to measure their size, few enough to be cheap. */
const PROBE_EVENTS = 500;

/**
 * Cuts each page of the log into slices to prepare one after another: a probe first, then slices
 * sized by what the latest slice weighed. A page of ordinary events becomes the probe and one slice
 * (committed together); a page of big events becomes many slices of about {@link PAGE_BYTES}.
 */
export class PageSlicer {
  private bytesPerEvent = 0;

  /** How many events the slice starting at `offset` of a page of `total` events takes. */
  next(offset: number, total: number): number {
    if (offset === 0) return Math.min(total, PROBE_EVENTS);
    const fit =
      this.bytesPerEvent > 0 ? Math.floor(PAGE_BYTES / this.bytesPerEvent) : total - offset;
    return Math.min(total - offset, Math.max(PROBE_EVENTS, fit));
  }

  measured(events: number, bytes: number): void {
    this.bytesPerEvent = bytes / Math.max(1, events);
  }
}

/** `size` events of `page` from `offset`, ending at the checkpoint of the last of them. */
export function sliceOf(page: ReadAllPage, offset: number, size: number): ReadAllPage {
  if (offset === 0 && size === page.events.length) return page;
  const events = page.events.slice(offset, offset + size);
  const last = events[events.length - 1]!;
  return {
    events,
    checkpoint:
      offset + size === page.events.length
        ? page.checkpoint
        : { transactionId: last.transactionId, globalPosition: last.globalPosition },
  };
}

/** Events to ask for next: as many as would produce PAGE_BYTES by the last page, in [100, batchSize]. */
export function nextLimit(events: number, bytes: number, batchSize: number): number {
  if (bytes <= 0) return batchSize;
  const fit = Math.floor((events * PAGE_BYTES) / bytes);
  return Math.max(Math.min(100, batchSize), Math.min(batchSize, fit));
}

/**
 * Walks one page slice by slice: each {@link nextBatch} prepares slices until they weigh
 * {@link PAGE_BYTES} or the page ends. The cursor lets go of the page as soon as its last slice is
 * prepared, so its events are garbage while that batch commits and the next page is read.
 */
export class SliceCursor {
  private page: ReadAllPage | null;
  private offset = 0;
  readonly events: number;
  readonly checkpoint: Checkpoint;
  /** Bytes of rows the page produced so far (all of them once `done`). */
  bytes = 0;

  constructor(
    page: ReadAllPage,
    private readonly slicer: PageSlicer,
  ) {
    this.page = page;
    this.events = page.events.length;
    this.checkpoint = page.checkpoint;
  }

  get done(): boolean {
    return this.page === null;
  }

  nextBatch(lanes: Pick<CommitLanes, 'prepare'>): PreparedSet[] {
    const batch: PreparedSet[] = [];
    let batchBytes = 0;
    while (this.page !== null && (batch.length === 0 || batchBytes < PAGE_BYTES)) {
      const size = this.slicer.next(this.offset, this.events);
      const set = lanes.prepare(sliceOf(this.page, this.offset, size));
      this.slicer.measured(size, set.bytes);
      this.offset += size;
      this.bytes += set.bytes;
      batch.push(set);
      batchBytes += set.bytes;
      if (this.offset === this.events) this.page = null;
    }
    return batch;
  }
}
