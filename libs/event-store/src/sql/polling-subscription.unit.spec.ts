import type { Checkpoint, ReadAllOptions, ReadAllPage, RecordedEvent } from '../port';
import { START } from '../port';
import { pollingSubscription, WakeSignal } from './polling-subscription';

/** An in-memory log of `count` events, paged the way readAll pages. */
function fakeLog(count: number) {
  const events = Array.from(
    { length: count },
    (_, i) =>
      ({ eventId: `e${i}`, transactionId: 1n, globalPosition: BigInt(i + 1) }) as RecordedEvent,
  );
  const reads: ReadAllOptions[] = [];
  const readAll = async (options: ReadAllOptions): Promise<ReadAllPage> => {
    reads.push(options);
    const after: Checkpoint = options.after ?? START;
    const page = events
      .filter((e) => e.globalPosition > after.globalPosition)
      .slice(0, options.limit);
    const last = page[page.length - 1];
    return {
      events: page,
      checkpoint: last ? { transactionId: 1n, globalPosition: last.globalPosition } : after,
    };
  };
  return { events, reads, readAll };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++)
    await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition never held');
}

describe('pollingSubscription', () => {
  test('a failing handler is reported and its page delivered again, so nothing is skipped', async () => {
    const log = fakeLog(5);
    const delivered: string[] = [];
    const errors: unknown[] = [];
    let failures = 1;
    const subscription = pollingSubscription(
      log.readAll,
      new WakeSignal(),
      {
        batchSize: 2,
        onEvents: async (events) => {
          if (failures-- > 0) throw new Error('projection down');
          delivered.push(...events.map((e) => e.eventId));
        },
        onError: (error) => errors.push(error),
      },
      { idleMs: 5, maxRetryMs: 10 },
    );
    await until(() => delivered.length >= 5);
    await subscription.stop();
    expect(delivered).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(errors).toEqual([new Error('projection down')]);
  });

  test('a local append wakes an idle subscriber long before its poll interval', async () => {
    const log = fakeLog(0);
    const wake = new WakeSignal();
    const subscription = pollingSubscription(
      log.readAll,
      wake,
      { onEvents: async () => undefined },
      { idleMs: 60_000, maxRetryMs: 10 },
    );
    await until(() => log.reads.length === 1);
    wake.notify();
    await until(() => log.reads.length === 2);
    const started = Date.now();
    await subscription.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('stop waits for the handler in flight and nothing is delivered after it', async () => {
    const log = fakeLog(3);
    let finishHandler!: () => void;
    let calls = 0;
    const subscription = pollingSubscription(
      log.readAll,
      new WakeSignal(),
      {
        batchSize: 1,
        onEvents: () => {
          calls++;
          return new Promise<void>((resolve) => (finishHandler = resolve));
        },
      },
      { idleMs: 5, maxRetryMs: 10 },
    );
    await until(() => calls === 1);
    let stopped = false;
    const stopping = subscription.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    finishHandler();
    await stopping;
    expect(calls).toBe(1);
  });
});
