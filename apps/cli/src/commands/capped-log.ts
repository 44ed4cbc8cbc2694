import {
  START,
  type Checkpoint,
  type ReadAllOptions,
  type ReadAllPage,
} from '@ledger/event-store/port';
import { compareCheckpoints } from '@ledger/projections/runner/checkpoint';
import type { GlobalLog } from '@ledger/projections/runner/projection-runner';

/**
 * The global log as it stood at `cap`: events after it are not there. `ledger verify` replays this into
 * its scratch schema, so the replay stops at exactly the checkpoint the live read models stand at, even
 * while new events keep arriving. The cap only ever moves forward.
 */
export class CappedLog implements GlobalLog {
  constructor(
    private readonly log: GlobalLog,
    private cap: Checkpoint,
  ) {}

  get checkpoint(): Checkpoint {
    return this.cap;
  }

  moveTo(cap: Checkpoint): void {
    if (compareCheckpoints(cap, this.cap) < 0)
      throw new Error('a capped log cannot move back: replayed events cannot be taken back');
    this.cap = cap;
  }

  async headCheckpoint(): Promise<Checkpoint> {
    return this.cap;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const after = options.after ?? START;
    if (compareCheckpoints(after, this.cap) >= 0) return { events: [], checkpoint: after };
    const page = await this.log.readAll(options);
    const events = page.events.filter((event) => compareCheckpoints(event, this.cap) <= 0);
    if (events.length === page.events.length) return page;
    const last = events[events.length - 1];
    return {
      events,
      checkpoint: last
        ? { transactionId: last.transactionId, globalPosition: last.globalPosition }
        : after,
    };
  }
}
