/**
 * Appends in flight, many streams at once. Appends to one stream run strictly in the order they
 * were added (each carries the exact expected revision the previous one leaves); appends to
 * different streams overlap, up to `limit` at a time. The first failure stops everything: later
 * appends are skipped and the next call to {@link add} or {@link drain} throws it.
 */
export class AppendLanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private inFlight = 0;
  private failed: { error: unknown } | null = null;
  /** Events whose append has committed. */
  appended = 0;

  constructor(private readonly limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`concurrency must be a positive integer, got ${limit}`);
  }

  /** Queues an append of `events` events on `streamId`; resolves as soon as there is room for another. */
  async add(streamId: string, events: number, append: () => Promise<void>): Promise<void> {
    this.throwIfFailed();
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    const settled: Promise<void> = previous
      .then(() => (this.failed ? undefined : append()))
      .then(
        () => {
          if (!this.failed) this.appended += events;
        },
        (error: unknown) => {
          this.failed ??= { error };
        },
      )
      .finally(() => {
        this.inFlight--;
        if (this.tails.get(streamId) === settled) this.tails.delete(streamId);
        this.waiting.splice(0).forEach((wake) => wake());
      });
    this.tails.set(streamId, settled);
    this.inFlight++;
    while (this.inFlight >= this.limit && !this.failed) await this.nextSettled();
    this.throwIfFailed();
  }

  /** Waits until every queued append has settled; throws the first failure, if any. */
  async drain(): Promise<void> {
    while (this.inFlight > 0) await this.nextSettled();
    this.throwIfFailed();
  }

  private nextSettled(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private throwIfFailed(): void {
    if (this.failed) throw this.failed.error;
  }
}
