import type { Checkpoint, EventStore } from '../port';
import { readWholeLog, someEvents, untilReadable, withStore } from '../testing/contract.helpers';
import { SqlEventStore } from './sql-event-store';
import { sqlHarnesses } from './testing/sql-test-stores';

/**
 * 2,500 events over 5 streams in 25 appends: more than one page (1,000) of every verify walk. Resolves
 * once readers see them all: on a shared PostgreSQL another test's open transaction can hold back
 * what the log shows (SPEC §2), and a seal covers only what readers see.
 */
async function bigHistory(store: EventStore): Promise<void> {
  let last: Checkpoint | null = null;
  for (let round = 0; round < 5; round++) {
    for (let s = 0; s < 5; s++) {
      const result = await store.append(`s-${s}`, someEvents(100, `r${round}`), {
        expected: round === 0 ? 'no_stream' : round * 100 - 1,
      });
      last = result.checkpoint;
    }
  }
  await untilReadable(store, last);
}

/** Runs SQL with the append-only triggers off for this transaction only, as a tamperer would. */
async function tamper(store: EventStore, statements: string[]): Promise<void> {
  const sql = store as SqlEventStore;
  await sql.raw().transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    for (const s of statements) await tx.query(s.replaceAll('EVENTS', sql.table('events')));
  });
}

describe.each(sqlHarnesses())('SQL store integrity over many pages ($name)', (harness) => {
  test('seals respect maxEventsPerSeal, and a clean log of 2,500 events verifies page by page', async () => {
    await withStore(harness, async (store) => {
      await bigHistory(store);
      const seals = await store.seal({ maxEventsPerSeal: 300 });
      expect(seals.map((s) => s.eventCount)).toEqual([300, 300, 300, 300, 300, 300, 300, 300, 100]);
      const log = await readWholeLog(store, 1000);
      expect(seals[seals.length - 1]!.upTo).toEqual({
        transactionId: log[log.length - 1]!.transactionId,
        globalPosition: log[log.length - 1]!.globalPosition,
      });
      const report = await store.verifyIntegrity();
      expect(report).toEqual({ ok: true, eventsChecked: 2500, sealsChecked: 9, problems: [] });
    });
  });

  test('two events of different streams swapped in the log are found by the seal over them', async () => {
    await withStore(harness, async (store) => {
      await bigHistory(store);
      await store.seal({ maxEventsPerSeal: 300 });
      const before = await readWholeLog(store, 1000);
      const [a, b] = [before[1234]!, before[1434]!];
      expect(a.streamId).not.toBe(b.streamId);
      // Positions are an identity column nobody may set, so the tamperer swaps transaction ids.
      await tamper(store, [
        `UPDATE EVENTS SET transaction_id = CASE WHEN global_position = ${a.globalPosition}
           THEN '${b.transactionId}'::xid8 ELSE '${a.transactionId}'::xid8 END
         WHERE global_position IN (${a.globalPosition}, ${b.globalPosition})`,
      ]);
      const after = await readWholeLog(store, 1000);
      expect(after.map((e) => e.eventId)).not.toEqual(before.map((e) => e.eventId));
      const report = await store.verifyIntegrity();
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.kind)).toContain('seal_mismatch');
    });
  });

  test("a stream head moved behind the store's back is reported against that stream", async () => {
    await withStore(harness, async (store) => {
      await store.append('s-1', someEvents(3), { expected: 'no_stream' });
      const sql = store as SqlEventStore;
      await sql
        .raw()
        .query(`UPDATE ${sql.table('streams')} SET revision = 7 WHERE stream_id = 's-1'`);
      const report = await store.verifyIntegrity();
      expect(report.problems).toEqual([
        expect.objectContaining({
          kind: 'stream_head_mismatch',
          streamId: 's-1',
          streamRevision: 3,
        }),
      ]);
    });
  });

  test('a deleted event deep in a long stream is named at its revision', async () => {
    await withStore(harness, async (store) => {
      await bigHistory(store);
      await tamper(store, [`DELETE FROM EVENTS WHERE stream_id = 's-3' AND stream_revision = 345`]);
      const report = await store.verifyIntegrity();
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'revision_gap', streamId: 's-3', streamRevision: 345 }),
      ]);
    });
  });
});
