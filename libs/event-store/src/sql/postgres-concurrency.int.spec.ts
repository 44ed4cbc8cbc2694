import { DuplicateKeyError } from '../errors';
import { START, type EventStore, type RecordedEvent } from '../port';
import {
  anEvent,
  checkpointOf,
  outcomeOf,
  readWholeLog,
  someEvents,
  waitFor,
  withStore,
} from '../testing/contract.helpers';
import { postgresContractHarness } from '../testing/sql-harness';

const url = process.env.DATABASE_URL;

/** A gate the test opens by hand: appends that meet it stay uncommitted until then. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

(url ? describe : describe.skip)('PostgreSQL store under concurrency [needs DATABASE_URL]', () => {
  const harness = postgresContractHarness(url ?? '');
  afterAll(() => harness.shutdown());

  test('a later transaction that commits first stays invisible until the earlier one commits', async () => {
    const held = gate();
    let holdNext = false;
    let reachedHook!: () => void;
    const inHook = new Promise<void>((resolve) => (reachedHook = resolve));
    await withStore(
      harness,
      async (store) => {
        holdNext = true;
        const early = store.append('early', someEvents(2, 'early'), { expected: 'no_stream' });
        await inHook; // `early` has written its rows and holds its transaction id, uncommitted.
        const late = await store.append('late', someEvents(1, 'late'), { expected: 'no_stream' });
        expect(late.checkpoint!.transactionId > 0n).toBe(true);

        // `late` has committed, but a reader that saw it could later be handed `early`'s rows,
        // which sort before it: so neither is visible yet.
        expect((await store.readAll()).events).toEqual([]);
        expect(await store.headCheckpoint()).toEqual(START);
        expect(await store.readStream('late')).toHaveLength(1);

        held.open();
        const earlyResult = await early;
        const log = await logOfAtLeast(store, 3);
        expect(log.map((e) => e.data.label)).toEqual(['early', 'early', 'late']);
        expect(earlyResult.checkpoint!.transactionId < late.checkpoint!.transactionId).toBe(true);
        expect(await store.headCheckpoint()).toEqual(checkpointOf(log[2]!));
      },
      {
        beforeCommit: async () => {
          if (!holdNext) return;
          holdNext = false;
          reachedHook();
          await held.opened;
        },
      },
    );
  });

  test('a subscriber following the log across out-of-order commits sees every event once, in order', async () => {
    const held = gate();
    let holdNext = false;
    await withStore(
      harness,
      async (store) => {
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribe({
          from: START,
          batchSize: 3,
          onEvents: async (events) => void seen.push(...events),
        });
        try {
          holdNext = true;
          const early = store.append('early', someEvents(2, 'early'), { expected: 'no_stream' });
          await waitFor(() => !holdNext, 'the early append to reach its commit');
          for (let i = 0; i < 5; i++)
            await store.append(`late-${i}`, someEvents(1, 'late'), { expected: 'no_stream' });
          await new Promise((resolve) => setTimeout(resolve, 150));
          expect(seen).toEqual([]);
          held.open();
          await early;
          await waitFor(() => seen.length >= 7, 'the subscriber to see all 7 events');
          expect(seen.map((e) => e.data.label)).toEqual([
            'early',
            'early',
            'late',
            'late',
            'late',
            'late',
            'late',
          ]);
        } finally {
          await subscription.stop();
        }
      },
      {
        beforeCommit: async () => {
          if (!holdNext) return;
          holdNext = false;
          await held.opened;
        },
      },
    );
  });

  test('16 writers expecting any on a brand-new stream all succeed: nobody gets a spurious conflict', async () => {
    await withStore(harness, async (store) => {
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, w) =>
          store.append('fresh', [anEvent({ data: { w } })], { expected: 'any' }),
        ),
      );
      expect(results.map((r) => r.nextExpectedRevision).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 16 }, (_, i) => i),
      );
      expect((await store.verifyIntegrity()).ok).toBe(true);
    });
  });

  test('8 streams racing for one lookup key: exactly one owns it, the others are told who', async () => {
    await withStore(harness, async (store) => {
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          outcomeOf(
            store.append(`account-${i}`, someEvents(1), {
              expected: 'no_stream',
              keys: ['payment:p1'],
            }),
          ),
        ),
      );
      const winners = outcomes.filter((o) => !o.error);
      expect(winners).toHaveLength(1);
      const owner = await store.lookupKey('payment:p1');
      for (const o of outcomes.filter((x) => x.error)) {
        expect(o.error).toBeInstanceOf(DuplicateKeyError);
        expect((o.error as DuplicateKeyError).ownerStreamId).toBe(owner);
      }
      for (let i = 0; i < 8; i++) {
        expect((await store.readStream(`account-${i}`)).length).toBe(
          `account-${i}` === owner ? 1 : 0,
        );
      }
    });
  });

  test('two store instances (two processes) appending to one stream stay correct despite their cached heads', async () => {
    await withStore(harness, async (first) => {
      const second = await openSecondInstance(first);
      try {
        let expected = -1;
        for (let i = 0; i < 10; i++) {
          const writer = i % 2 === 0 ? first : second;
          const result = await writer.append('shared', someEvents(2, `w${i % 2}`), {
            expected: expected === -1 ? 'no_stream' : expected,
          });
          expected = result.nextExpectedRevision;
        }
        expect(expected).toBe(19);
        // A stale guess is caught by the compare-and-set, never written over.
        await expect(first.append('shared', someEvents(1), { expected: 17 })).rejects.toMatchObject(
          { actual: 19 },
        );
        const report = await first.verifyIntegrity();
        expect(report.problems).toEqual([]);
        expect(report.eventsChecked).toBe(20);
      } finally {
        await second.close();
      }
    });
  });
});

/**
 * The whole log once it holds `count` events. Visibility waits for every older transaction in
 * the cluster, including other test files' on a shared server, so "committed" is not "visible
 * this instant".
 */
async function logOfAtLeast(store: EventStore, count: number): Promise<RecordedEvent[]> {
  for (const deadline = Date.now() + 10_000; ;) {
    const log = await readWholeLog(store);
    if (log.length >= count || Date.now() > deadline) return log;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function openSecondInstance(store: EventStore): Promise<EventStore> {
  const { openPostgresEventStore } = await import('./open-sql-event-store');
  const { SqlEventStore } = await import('./sql-event-store');
  if (!(store instanceof SqlEventStore)) throw new Error('expected a SQL store');
  return openPostgresEventStore({
    connectionString: url!,
    schema: store.schema,
    maxConnections: 2,
  });
}
