import { anEvent, readWholeLog, sleep, someEvents, withStore } from '../testing/contract.helpers';
import { SerialQueue } from './pglite-client';
import { pgliteContractHarness } from '../testing/sql-harness';

const harness = pgliteContractHarness();
afterAll(() => harness.shutdown());

describe('SerialQueue', () => {
  test('runs tasks one at a time, in the order they were queued, whatever their durations', async () => {
    const queue = new SerialQueue();
    let running = 0;
    let mostAtOnce = 0;
    const finished: number[] = [];
    await Promise.all(
      [30, 5, 20, 0, 10].map((ms, i) =>
        queue.run(async () => {
          running++;
          mostAtOnce = Math.max(mostAtOnce, running);
          await new Promise((resolve) => setTimeout(resolve, ms));
          running--;
          finished.push(i);
        }),
      ),
    );
    expect(mostAtOnce).toBe(1);
    expect(finished).toEqual([0, 1, 2, 3, 4]);
  });

  test('a failed task does not stop the ones queued after it', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(() => Promise.reject(new Error('boom')));
    const next = queue.run(async () => 'still runs');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('still runs');
  });

  test('a task that waits for the queue itself fails at once instead of deadlocking', async () => {
    const queue = new SerialQueue();
    const outer = queue.run(() => queue.run(async () => 'inner'));
    await expect(outer).rejects.toThrow(/would deadlock/);
    await expect(queue.run(async () => 'after')).resolves.toBe('after');
  });
});

describe('PGlite store under concurrent callers', () => {
  test('40 concurrent appends expecting any to one stream all land, revisions contiguous', async () => {
    await withStore(harness, async (store) => {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.append('busy', [anEvent({ data: { i } })], { expected: 'any' }),
        ),
      );
      expect(results.map((r) => r.nextExpectedRevision).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 40 }, (_, i) => i),
      );
      const stream = await store.readStream('busy');
      expect(stream.map((e) => e.streamRevision)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(new Set(stream.map((e) => e.data.i)).size).toBe(40);
      expect((await store.verifyIntegrity()).ok).toBe(true);
    });
  });

  test('reads issued while an append transaction is open wait for it: they never see its rows', async () => {
    // Every append writes, then keeps its transaction open across an await, then rolls back. A
    // read sent straight to the single PGlite session meanwhile would run inside that
    // transaction and see rows that never commit.
    const seen: number[] = [];
    await withStore(
      harness,
      async (store) => {
        await Promise.all([
          ...Array.from({ length: 10 }, (_, i) =>
            expect(
              store.append(`s-${i}`, someEvents(5), { expected: 'no_stream' }),
            ).rejects.toThrow('rolled back'),
          ),
          ...Array.from({ length: 10 }, async (_, i) => {
            await sleep(i * 3);
            seen.push(
              (await store.readStream(`s-${i}`)).length,
              (await readWholeLog(store)).length,
            );
          }),
        ]);
        expect(seen).toEqual(new Array(20).fill(0));
      },
      {
        beforeCommit: async () => {
          await sleep(5);
          throw new Error('rolled back');
        },
      },
    );
  });

  test('a beforeCommit hook that awaits the same store is refused, and the store goes on working', async () => {
    let storeRef: { readStream(id: string): Promise<unknown> } | undefined;
    await withStore(
      harness,
      async (store) => {
        storeRef = store;
        await expect(store.append('s-1', someEvents(1), { expected: 'no_stream' })).rejects.toThrow(
          /would deadlock/,
        );
        storeRef = undefined;
        expect(await store.readStream('s-1')).toEqual([]);
        await expect(
          store.append('s-1', someEvents(1), { expected: 'no_stream' }),
        ).resolves.toMatchObject({
          nextExpectedRevision: 0,
        });
      },
      { beforeCommit: async () => void (await storeRef?.readStream('s-1')) },
    );
  });
});
