import {
  START,
  type ReadAllOptions,
  type ReadAllPage,
  type SubscribeOptions,
  type Subscription,
} from '../port';

/** Wakes sleeping subscribers when this process appended, instead of waiting for the next poll. */
export class WakeSignal {
  private sleepers = new Set<() => void>();

  notify(): void {
    const woken = this.sleepers;
    this.sleepers = new Set();
    for (const wake of woken) wake();
  }

  listen(wake: () => void): () => void {
    this.sleepers.add(wake);
    return () => this.sleepers.delete(wake);
  }
}

/** Resolves after `ms`, or as soon as any of the signals fires; leaves no timer behind. */
export function sleep(ms: number, signals: WakeSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const unlisten of unlistens) unlisten();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unlistens = signals.map((signal) => signal.listen(done));
  });
}

export interface PollingOptions {
  /** How long to sleep when the log has nothing new. */
  idleMs: number;
  /** Longest pause between retries after a failed read or handler. */
  maxRetryMs: number;
}

/**
 * Catch-up subscription by polling `readAll`: pages are delivered one at a time in commit order,
 * the next page is read at once when the last one was full, and otherwise after `idleMs` or a
 * local append. A failing read or handler is reported to `onError` and the same page is retried
 * with backoff, so a projection sees every event at least once and in order.
 */
export function pollingSubscription(
  readAll: (options: ReadAllOptions) => Promise<ReadAllPage>,
  wake: WakeSignal,
  options: SubscribeOptions,
  polling: PollingOptions,
): Subscription {
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 500, 10_000));
  const report =
    options.onError ??
    ((error: unknown) => console.error('event store subscription failed:', error));
  const stopSignal = new WakeSignal();
  let stopped = false;

  const pause = (ms: number, alsoOnAppend: boolean) =>
    sleep(ms, alsoOnAppend ? [stopSignal, wake] : [stopSignal]);

  const loop = (async () => {
    let checkpoint = options.from ?? START;
    let failures = 0;
    while (!stopped) {
      let full = false;
      try {
        const page = await readAll({ after: checkpoint, limit: batchSize });
        if (stopped) break;
        if (page.events.length > 0) await options.onEvents(page.events, page.checkpoint);
        checkpoint = page.checkpoint;
        full = page.events.length >= batchSize;
        failures = 0;
      } catch (error) {
        failures++;
        report(error);
        await pause(Math.min(polling.maxRetryMs, 25 * 2 ** failures), false);
        continue;
      }
      if (!full && !stopped) await pause(polling.idleMs, true);
    }
  })();

  return {
    async stop() {
      stopped = true;
      stopSignal.notify();
      await loop;
    },
  };
}
