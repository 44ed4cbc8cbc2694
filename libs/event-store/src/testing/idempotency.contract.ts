import { IdempotencyConflictError } from '../errors';
import type { CommandRecord } from '../port';
import {
  duplicatesOf,
  outcomeOf,
  readWholeLog,
  someEvents,
  untilReadable,
  withStore,
} from './contract.helpers';
import type { StoreHarness } from './store-harness';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

function command(
  commandId: string,
  inputHash = HASH_A,
  result = { status: 'recorded' },
): CommandRecord {
  return { commandId, inputHash, result };
}

export function describeIdempotency(h: StoreHarness): void {
  describe('idempotent commands', () => {
    test('the command record is stored with its events and found by id', async () => {
      await withStore(h, async (store) => {
        expect(await store.findCommand('RecordPayment:p1')).toBeNull();
        const record = command('RecordPayment:p1', HASH_A, { status: 'recorded' });
        const first = await store.append('account-1', someEvents(2), {
          expected: 'no_stream',
          command: record,
        });
        expect(first.duplicate).toBe(false);
        expect(first.result).toEqual(record.result);
        expect(await store.findCommand('RecordPayment:p1')).toEqual(record);
      });
    });

    test('the same command re-appended is a duplicate: stored result, nothing new in the stream', async () => {
      await withStore(h, async (store) => {
        const record = command('RecordPayment:p1', HASH_A, { status: 'recorded' });
        await store.append('account-1', someEvents(2), { expected: 'no_stream', command: record });
        // A retried request resends the same thing, including its stale expectation: still a duplicate.
        const again = await store.append('account-1', someEvents(2, 'retry'), {
          expected: 'no_stream',
          command: { ...record, result: { status: 'something else' } },
        });
        expect(again.duplicate).toBe(true);
        expect(again.result).toEqual({ status: 'recorded' });
        const stream = await store.readStream('account-1');
        expect(stream).toHaveLength(2);
        expect(stream.some((e) => e.data.label === 'retry')).toBe(false);
      });
    });

    test('the same command id with another input hash is a typed conflict and appends nothing', async () => {
      await withStore(h, async (store) => {
        await store.append('account-1', someEvents(1), {
          expected: 'no_stream',
          command: command('Cmd:1', HASH_A),
        });
        const { error } = await outcomeOf(
          store.append('account-1', someEvents(2, 'other'), {
            expected: 'any',
            command: command('Cmd:1', HASH_B),
          }),
        );
        expect(error).toBeInstanceOf(IdempotencyConflictError);
        expect((error as IdempotencyConflictError).commandId).toBe('Cmd:1');
        expect(await store.readStream('account-1')).toHaveLength(1);
        expect((await store.findCommand('Cmd:1'))?.inputHash).toBe(HASH_A);
      });
    });

    test('a reused command id on another stream is still recognised', async () => {
      await withStore(h, async (store) => {
        await store.append('account-1', someEvents(1), {
          expected: 'no_stream',
          command: command('Cmd:1'),
        });
        const again = await store.append('account-2', someEvents(1), {
          expected: 'any',
          command: command('Cmd:1'),
        });
        expect(again.duplicate).toBe(true);
        expect(await store.readStream('account-2')).toEqual([]);
      });
    });

    test('the same command appended concurrently 10 times yields exactly one set of events', async () => {
      await withStore(h, async (store) => {
        const record = command('RecordPayment:race', HASH_A, { status: 'recorded' });
        const results = await Promise.all(
          Array.from({ length: 10 }, () =>
            store.append('account-race', someEvents(3, 'race'), {
              expected: 'any',
              command: record,
            }),
          ),
        );
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        for (const r of results) expect(r.result).toEqual(record.result);
        const stream = await store.readStream('account-race');
        expect(stream.map((e) => e.streamRevision)).toEqual([0, 1, 2]);
        await untilReadable(store, results.find((r) => !r.duplicate)?.checkpoint ?? null);
        const log = await readWholeLog(store);
        expect(log).toHaveLength(3);
        expect(duplicatesOf(log.map((e) => e.eventId))).toEqual([]);
      });
    });
  });
}
