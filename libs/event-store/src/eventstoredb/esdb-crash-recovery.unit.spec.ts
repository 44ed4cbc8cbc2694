import { IdempotencyConflictError } from '../errors';
import type { NewEvent } from '../port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEsdbClient } from './testing/fake-esdb-client';

/*
 * EventStoreDB cannot write a command's events and its record atomically (SPEC §2). These specs
 * crash the adapter between the two writes, against the in-memory FAKE client (not EventStoreDB),
 * and check that the next delivery of the command completes the record instead of appending again.
 */
const COMMAND = {
  commandId: 'RecordPayment:p1',
  inputHash: 'a'.repeat(64),
  result: { status: 'recorded' },
};
const EVENTS: NewEvent[] = [
  { type: 'PaymentRecorded', occurredAt: '2026-03-01T10:00:00.000Z', data: { paymentId: 'p1' } },
  { type: 'CommissionEarned', occurredAt: '2026-03-01T10:00:00.000Z', data: { paymentId: 'p1' } },
];

/** A store whose first write of a command record fails, as if the process died right before it. */
function storeThatCrashesBeforeTheRecord() {
  const fake = new FakeEsdbClient();
  const append = fake.appendToStream.bind(fake);
  let crashed = false;
  fake.appendToStream = async (name, events, options) => {
    if (!crashed && name.includes('ledger-command-')) {
      crashed = true;
      throw new Error('process died');
    }
    return append(name, events, options);
  };
  return new EventStoreDbEventStore(fake.asClient(), { connectionString: 'esdb://fake' });
}

describe('EventStoreDB adapter, crash between events and command record (FAKE client)', () => {
  test('the next delivery of the command completes the record and appends nothing', async () => {
    const store = storeThatCrashesBeforeTheRecord();
    await expect(
      store.append('account-1', EVENTS, { expected: 'no_stream', command: COMMAND }),
    ).rejects.toThrow('process died');
    const written = await store.readStream('account-1');
    expect(written).toHaveLength(2);
    expect(await store.findCommand(COMMAND.commandId)).toBeNull();

    const again = await store.append('account-1', EVENTS, {
      expected: 'no_stream',
      command: COMMAND,
    });
    expect(again.duplicate).toBe(true);
    expect(again.result).toEqual(COMMAND.result);
    expect(again.eventIds).toEqual(written.map((e) => e.eventId));
    expect(again.nextExpectedRevision).toBe(1);
    expect(await store.readStream('account-1')).toHaveLength(2);
    expect(await store.findCommand(COMMAND.commandId)).toEqual(COMMAND);
  });

  test('a different input under the crashed command id is a conflict, and the record keeps the first input', async () => {
    const store = storeThatCrashesBeforeTheRecord();
    await expect(
      store.append('account-1', EVENTS, { expected: 'no_stream', command: COMMAND }),
    ).rejects.toThrow();
    const other = { ...COMMAND, inputHash: 'b'.repeat(64) };
    await expect(
      store.append('account-1', EVENTS, { expected: 'any', command: other }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(await store.readStream('account-1')).toHaveLength(2);
    expect((await store.findCommand(COMMAND.commandId))?.inputHash).toBe(COMMAND.inputHash);
  });

  test('event ids left to the store are derived from the command id, so a retry reuses them', async () => {
    const store = storeThatCrashesBeforeTheRecord();
    await expect(
      store.append('account-1', EVENTS, { expected: 'no_stream', command: COMMAND }),
    ).rejects.toThrow();
    const first = await store.readStream('account-1');
    const fresh = new EventStoreDbEventStore(new FakeEsdbClient().asClient(), {
      connectionString: 'esdb://fake',
    });
    const elsewhere = await fresh.append('account-1', EVENTS, {
      expected: 'no_stream',
      command: COMMAND,
    });
    expect(elsewhere.eventIds).toEqual(first.map((e) => e.eventId));
  });
});
