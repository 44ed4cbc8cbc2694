import { WrongExpectedRevisionError } from '@ledger/event-store/errors';
import type { AppendResult, EventStore } from '@ledger/event-store/port';
import { Registry, Histogram } from 'prom-client';
import { timeAppends } from './timed-event-store';

/** A store class with private state, like the SQL store, to show the proxy keeps both working. */
class FakeStore {
  readonly name = 'pglite';
  #appended = 0;
  failNext: Error | null = null;

  async append(): Promise<AppendResult> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    this.#appended++;
    return {
      nextExpectedRevision: this.#appended - 1,
      eventIds: ['e'],
      result: null,
      duplicate: this.#appended > 2,
      checkpoint: null,
    };
  }

  raw(): string {
    return `connection after ${this.#appended} appends`;
  }
}

function histogram() {
  const registry = new Registry();
  const appendSeconds = new Histogram({
    name: 'append_seconds',
    help: 'test',
    labelNames: ['store', 'result'] as const,
    registers: [registry],
  });
  const counts = async () => {
    const metric = await registry.getSingleMetric('append_seconds')!.get();
    return Object.fromEntries(
      metric.values
        .filter((v) => (v as { metricName?: string }).metricName === 'append_seconds_count')
        .map((v) => [`${v.labels.store}/${v.labels.result}`, v.value]),
    );
  };
  return { appendSeconds, counts };
}

describe('timeAppends', () => {
  it('times every append by store and result, and rethrows failures unchanged', async () => {
    const inner = new FakeStore();
    const { appendSeconds, counts } = histogram();
    const store = timeAppends(inner as unknown as EventStore, appendSeconds);
    const append = () => store.append('s', [], { expected: 'any' });

    await append();
    await append();
    await append(); // the fake answers this one as a duplicate
    const conflict = new WrongExpectedRevisionError('s', 0, 3);
    inner.failNext = conflict;
    await expect(append()).rejects.toBe(conflict);
    inner.failNext = new Error('connection lost');
    await expect(append()).rejects.toThrow('connection lost');

    expect(await counts()).toEqual({
      'pglite/ok': 2,
      'pglite/duplicate': 1,
      'pglite/conflict': 1,
      'pglite/error': 1,
    });
  });

  it('is still the store it wraps: instanceof, private state and other methods pass through', async () => {
    const inner = new FakeStore();
    const store = timeAppends(inner as unknown as EventStore, histogram().appendSeconds);
    await store.append('s', [], { expected: 'any' });
    expect(store).toBeInstanceOf(FakeStore);
    expect((store as unknown as FakeStore).raw()).toBe('connection after 1 appends');
    expect(store.name).toBe('pglite');
  });
});
