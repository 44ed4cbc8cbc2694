import type { EventStore, IntegrityProblem, IntegrityReport } from '../port';
import { outcomeOf, someEvents, withStore } from './contract.helpers';
import { sealedHistory } from './seals.contract';
import type { RawStoreAccess, StoreHarness } from './store-harness';

function describeProblems(report: IntegrityReport): string {
  return JSON.stringify(report.problems, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** The report is a failure, and every problem that names a stream names the victim, not a bystander. */
function expectOnlyVictimBroken(report: IntegrityReport): void {
  expect(report.ok).toBe(false);
  const wrongStreams = report.problems.filter(
    (p) => p.streamId !== undefined && p.streamId !== 'victim',
  );
  expect(wrongStreams).toEqual([]);
}

function names(p: IntegrityProblem, streamId: string, revisions: number[]): boolean {
  return (
    p.streamId === streamId &&
    p.streamRevision !== undefined &&
    revisions.includes(p.streamRevision)
  );
}

async function eventAt(store: EventStore, streamId: string, revision: number) {
  const [event] = await store.readStream(streamId, { fromRevision: revision, maxCount: 1 });
  if (!event) throw new Error(`no event ${streamId}@${revision}`);
  return event;
}

export function describeTamperEvidence(h: StoreHarness): void {
  const why = `[SKIPPED: the ${h.name} harness has no raw database access to tamper with]`;
  const rawTest = (name: string, fn: (raw: RawStoreAccess) => Promise<void>) =>
    h.raw ? test(name, () => fn(h.raw!)) : test.skip(`${name} ${why}`, () => undefined);

  describe('append-only and tamper evidence', () => {
    rawTest('an ordinary UPDATE of an event is refused by the database', async (raw) => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(1, 'original'), { expected: 'no_stream' });
        const event = await eventAt(store, 's-1', 0);
        const { error } = await outcomeOf(raw.tryUpdateEvent(store, event.globalPosition));
        expect(error).toBeDefined();
        expect((await eventAt(store, 's-1', 0)).data).toEqual(event.data);
      });
    });

    rawTest('an ordinary DELETE of an event is refused by the database', async (raw) => {
      await withStore(h, async (store) => {
        await store.append('s-1', someEvents(2), { expected: 'no_stream' });
        const event = await eventAt(store, 's-1', 1);
        const { error } = await outcomeOf(raw.tryDeleteEvent(store, event.globalPosition));
        expect(error).toBeDefined();
        expect(await store.readStream('s-1')).toHaveLength(2);
      });
    });

    rawTest('an edited event is found, naming its stream and revision', async (raw) => {
      await withStore(h, async (store) => {
        await sealedHistory(store);
        await raw.editEventData(store, 'victim', 2, { label: 'victim', index: 99, forged: true });
        const report = await store.verifyIntegrity();
        expectOnlyVictimBroken(report);
        expect(report.problems.some((p) => names(p, 'victim', [2]))).toBe(true);
      });
    });

    rawTest('an edit is found even before anything was sealed', async (raw) => {
      await withStore(h, async (store) => {
        await store.append('victim', someEvents(3), { expected: 'no_stream' });
        await raw.editEventData(store, 'victim', 0, { forged: true });
        const report = await store.verifyIntegrity();
        expectOnlyVictimBroken(report);
        expect(report.problems.some((p) => names(p, 'victim', [0]))).toBe(true);
      });
    });

    rawTest('a deleted event in the middle of a stream is found at the gap', async (raw) => {
      await withStore(h, async (store) => {
        await sealedHistory(store);
        await raw.deleteEvent(store, 'victim', 2);
        const report = await store.verifyIntegrity();
        expectOnlyVictimBroken(report);
        // The missing revision itself, or the first one after the gap, depending on how it is told.
        expect(report.problems.some((p) => names(p, 'victim', [2, 3]))).toBe(true);
      });
    });

    rawTest(
      'a deleted last event of a stream is found by the stream head or the seals',
      async (raw) => {
        await withStore(h, async (store) => {
          await sealedHistory(store);
          const last = await eventAt(store, 'victim', 4);
          await raw.deleteEvent(store, 'victim', 4);
          const report = await store.verifyIntegrity();
          expectOnlyVictimBroken(report);
          const found = report.problems.some(
            (p) =>
              p.streamId === 'victim' ||
              (p.kind === 'seal_mismatch' &&
                p.globalPosition !== undefined &&
                p.globalPosition >= last.globalPosition),
          );
          if (!found)
            throw new Error(`deletion of victim@4 not located: ${describeProblems(report)}`);
        });
      },
    );

    rawTest(
      'swapped revisions within a stream are found at the first swapped revision',
      async (raw) => {
        await withStore(h, async (store) => {
          await sealedHistory(store);
          await raw.swapRevisions(store, 'victim', 1, 2);
          const report = await store.verifyIntegrity();
          expectOnlyVictimBroken(report);
          expect(report.problems.some((p) => names(p, 'victim', [1]))).toBe(true);
        });
      },
    );
  });
}
