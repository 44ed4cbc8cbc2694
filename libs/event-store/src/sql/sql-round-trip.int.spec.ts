import { GENESIS_HASH, chainHash, hashedContent } from '../hashing';
import type { JsonObject, NewEvent } from '../port';
import { untilReadable, withStore } from '../testing/contract.helpers';
import { SqlEventStore } from './sql-event-store';
import { sqlHarnesses } from './testing/sql-test-stores';

/** Data whose JSON a database could plausibly hand back in another spelling. */
const AWKWARD: JsonObject = {
  zeta: 'last key first',
  alpha: { nested: { deeper: [1, 2, { b: 2, a: 1 }] }, empty: {}, none: [] },
  text: 'quotes " backslash \\ newline \n tab \t émoji 😀 cjk 漢字 rtl עברית',
  escapes: '\u001f\u007f\u2028\u2029',
  numbers: [0, -1, 1.5, 0.1, 1e21, 1e-7, 123456789012345, -0.000001, 9007199254740991],
  flags: [true, false, null],
  amount: '1234.56',
  '': 'empty key',
  'key with spaces': 1,
  ключ: 'cyrillic key',
};

function eventWith(data: JsonObject, extra: Partial<NewEvent> = {}): NewEvent {
  return { type: 'AwkwardDataRecorded', occurredAt: '2026-03-01T10:00:00.000Z', data, ...extra };
}

describe.each(sqlHarnesses())('SQL store round trip ($name)', (harness) => {
  test('awkward JSON reads back equal, and the hash recomputed from the stored row still matches', async () => {
    await withStore(harness, async (store) => {
      const proto = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as JsonObject;
      await store.append('s-1', [eventWith(AWKWARD), eventWith(proto)], { expected: 'no_stream' });
      const [first, second] = await store.readStream('s-1');
      expect(first!.data).toEqual(JSON.parse(JSON.stringify(AWKWARD)));
      expect(Object.keys(second!.data).sort()).toEqual(['__proto__', 'ok']);
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
      expect(first!.metadata.hash).toBe(
        chainHash(GENESIS_HASH, hashedContent({ ...first!, metadata: { ...first!.metadata } })),
      );
      const report = await store.verifyIntegrity();
      expect(report.problems).toEqual([]);
      expect(report.eventsChecked).toBe(2);
    });
  });

  test('timestamps are stored as the exact strings that were hashed', async () => {
    await withStore(harness, async (store) => {
      const occurredAt = '2026-03-01T12:30:00.123456+02:00';
      await store.append('s-1', [eventWith({ a: 1 }, { occurredAt })], { expected: 'no_stream' });
      const [event] = await store.readStream('s-1');
      expect(event!.occurredAt).toBe(occurredAt);
      expect(event!.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const sql = store as SqlEventStore;
      const [row] = await sql
        .raw()
        .query<{ occurred_at: string; recorded_at: string; schema_version: number }>(
          `SELECT occurred_at, recorded_at, schema_version FROM ${sql.table('events')}`,
        );
      expect(row).toEqual({
        occurred_at: occurredAt,
        recorded_at: event!.recordedAt,
        schema_version: 1,
      });
    });
  });

  test('an upper-case event id is stored and returned in the canonical lower case', async () => {
    await withStore(harness, async (store) => {
      const result = await store.append(
        's-1',
        [eventWith({ a: 1 }, { eventId: '0B6F1F5E-6A1D-4C39-9F7E-3D0C2A1B4E5F' })],
        {
          expected: 'no_stream',
        },
      );
      expect(result.eventIds).toEqual(['0b6f1f5e-6a1d-4c39-9f7e-3d0c2a1b4e5f']);
      expect((await store.readStream('s-1'))[0]!.eventId).toBe(
        '0b6f1f5e-6a1d-4c39-9f7e-3d0c2a1b4e5f',
      );
      expect((await store.verifyIntegrity()).ok).toBe(true);
    });
  });

  test('an event id already stored by another append is refused as invalid input', async () => {
    await withStore(harness, async (store) => {
      const eventId = '0b6f1f5e-6a1d-4c39-9f7e-3d0c2a1b4e5f';
      await store.append('s-1', [eventWith({ a: 1 }, { eventId })], { expected: 'no_stream' });
      await expect(
        store.append('s-2', [eventWith({ a: 2 }, { eventId })], { expected: 'no_stream' }),
      ).rejects.toMatchObject({
        code: 'store.invalid_input',
        field: 'events.eventId',
      });
      expect(await store.readStream('s-2')).toEqual([]);
    });
  });

  test('a duplicate answers exactly as the first append did: its event ids, revision and checkpoint', async () => {
    await withStore(harness, async (store) => {
      const command = {
        commandId: 'RecordPayment:p1',
        inputHash: 'h'.repeat(64),
        result: { status: 'recorded' },
      };
      await store.append('account-1', [eventWith({ n: 0 })], { expected: 'no_stream' });
      const first = await store.append('account-1', [eventWith({ n: 1 }), eventWith({ n: 2 })], {
        expected: 0,
        command,
      });
      await store.append('account-1', [eventWith({ n: 3 })], { expected: 2 });
      const again = await store.append('account-1', [eventWith({ n: 9 })], {
        expected: 'any',
        command,
      });
      expect(again).toEqual({ ...first, duplicate: true });
      expect(again.eventIds).toHaveLength(2);
    });
  });

  test('the append-only guard also refuses TRUNCATE, and covers seals and command records', async () => {
    await withStore(harness, async (store) => {
      const appended = await store.append('s-1', [eventWith({ a: 1 })], {
        expected: 'no_stream',
        command: { commandId: 'c-1', inputHash: 'h', result: {} },
      });
      // A seal covers what readers see; on a shared PostgreSQL that can lag for a moment.
      await untilReadable(store, appended.checkpoint);
      expect(await store.seal()).toHaveLength(1);
      const sql = store as SqlEventStore;
      for (const statement of [
        `TRUNCATE ${sql.table('events')}`,
        `UPDATE ${sql.table('commands')} SET input_hash = 'forged'`,
        `DELETE FROM ${sql.table('seals')}`,
      ]) {
        await expect(sql.raw().query(statement)).rejects.toThrow(/append-only/);
      }
      expect(await store.readStream('s-1')).toHaveLength(1);
      expect((await store.findCommand('c-1'))?.inputHash).toBe('h');
    });
  });
});
