import { randomUUID } from 'node:crypto';
import {
  NO_STREAM,
  WrongExpectedVersionError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import {
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '../errors';
import type {
  AppendOptions,
  AppendResult,
  CommandRecord,
  ExpectedRevision,
  NewEvent,
} from '../port';
import { validateAppend, type ValidAppend } from '../append-validation';
import type { CommandRecords, KeyRegistry, StoredCommand } from './esdb-bookkeeping';
import {
  checkpointFromJson,
  checkpointOfEvent,
  checkpointToJson,
  decodeResolved,
} from './esdb-codec';
import { derivedEventIds, encode } from './esdb-encode';
import { readStoredStream } from './esdb-reads';
import { orphanedCommand, readStreamHead, type StreamHead } from './esdb-stream-head';
import type { StreamNames } from './stream-names';

const MAX_ATTEMPTS = 50;

export interface AppendContext {
  client: EventStoreDBClient;
  names: StreamNames;
  commands: CommandRecords;
  keys: KeyRegistry;
  beforeCommit?: () => Promise<void>;
  /** Ledger time; the adapter's own clock, injected so that tests can pin it. */
  now: () => Date;
}

/**
 * Appends with the port's semantics on a database without multi-stream transactions.
 *
 * Every write uses the exact revision the adapter just read (also for `any` and `stream_exists`),
 * so the stream revision serialises writers and the hash chain can be computed before the write.
 * A lost race re-reads and tries again; the caller's own expectation is re-checked every time, so
 * a caller that named a revision gets {@link WrongExpectedRevisionError} with the actual one.
 *
 * Idempotency guarantee (SPEC §2; EventStoreDB's own event-id de-duplication is best-effort only):
 * a command's record lives in `ledger-command-<sha256(id)>`, written with NO_STREAM after its events.
 * A replay finds it there. If a crash struck between the two writes, the events carry the record in
 * their metadata: the next append of that command id finds them in the target stream, writes the
 * missing record and answers as a duplicate. So the same id never appends its events twice, on the
 * same stream, whatever retries or concurrent deliveries happen. What is NOT guaranteed: the same
 * command id sent concurrently to two different streams, or with two different inputs, can append
 * to both before either record exists (the second record write then loses); `handleCommand` always
 * names one stream per command id, which keeps this out of reach in the ledger's own use.
 */
export async function appendEvents(
  ctx: AppendContext,
  streamId: string,
  events: NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> {
  const valid = validateAppend(streamId, events, options);
  ctx.names.assertWritable(valid.streamId);
  if (valid.command) derivedEventIds(valid, events, valid.command.commandId);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const outcome = await tryAppend(ctx, valid);
    if (outcome) return outcome;
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** attempt) * Math.random()));
  }
  throw new Error(
    `append to ${streamId} lost the race for its stream ${MAX_ATTEMPTS} times in a row`,
  );
}

/** One attempt; null when another writer moved the stream between this read and this write. */
async function tryAppend(ctx: AppendContext, valid: ValidAppend): Promise<AppendResult | null> {
  const command = valid.command;
  if (command) {
    const earlier = await ctx.commands.find(command.commandId);
    if (earlier) return replay(earlier, command);
  }
  const head = await readStreamHead(ctx.client, ctx.names, valid.streamId, command !== null);
  if (command) {
    const orphan = orphanedCommand(head, command.commandId, valid.streamId);
    if (orphan) return replay(await ctx.commands.record(orphan), command);
  }
  assertExpected(valid.streamId, valid.expected, head.revision);
  const freeKeys = await ctx.keys.unclaimed(valid.keys, valid.streamId);
  const writeId = randomUUID();
  const toWrite = encode(valid, head, writeId, ctx.now());
  await ctx.keys.claim(freeKeys, valid.streamId);
  await ctx.beforeCommit?.();
  try {
    await ctx.client.appendToStream(ctx.names.ofStream(valid.streamId), toWrite, {
      expectedRevision: head.revision < 0 ? NO_STREAM : BigInt(head.revision),
    });
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) return lostRace(valid, error);
    throw error;
  }
  return confirmWrite(ctx, valid, head, writeId);
}

/**
 * Another writer moved the stream after it was read. When the caller named an exact state, that
 * is the caller's conflict, reported with the revision EventStoreDB found. With `any` or
 * `stream_exists` the caller's expectation may still hold, and with a command the other writer may
 * be a concurrent delivery of the same command: both are settled by another attempt (null).
 */
function lostRace(valid: ValidAppend, error: WrongExpectedVersionError): null {
  const exact = valid.expected === 'no_stream' || typeof valid.expected === 'number';
  if (!exact || valid.command) return null;
  const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : -1;
  throw new WrongExpectedRevisionError(valid.streamId, valid.expected, actual);
}

/**
 * Reads back what was written: the last event's exact checkpoint, and whether this attempt wrote it.
 * EventStoreDB answers a re-sent append of the same event ids with success without writing; then
 * the events (and, for a command, its record) belong to the earlier writer.
 */
async function confirmWrite(
  ctx: AppendContext,
  valid: ValidAppend,
  head: StreamHead,
  writeId: string,
) {
  const records = await readStoredStream(ctx.client, ctx.names.ofStream(valid.streamId), {
    fromRevision: BigInt(head.revision + 1),
    maxCount: valid.events.length,
  });
  const written = records.map((r) => decodeResolved(r, ctx.names));
  const last = written[written.length - 1];
  if (!last || written[0]?.envelope.writeId !== writeId) {
    if (valid.command) return null; // the next attempt answers from the earlier writer's record
    throw new InvalidAppendError('events', 'events with these ids are already stored');
  }
  const checkpoint = checkpointOfEvent(last.event);
  const result: AppendResult = {
    nextExpectedRevision: last.event.streamRevision,
    eventIds: valid.events.map((e) => e.eventId),
    result: valid.command?.result ?? null,
    duplicate: false,
    checkpoint,
  };
  if (valid.command) {
    await ctx.commands.record({
      ...valid.command,
      streamId: valid.streamId,
      eventIds: result.eventIds,
      nextExpectedRevision: result.nextExpectedRevision,
      checkpoint: checkpointToJson(checkpoint),
    });
  }
  return result;
}

function replay(stored: StoredCommand, given: CommandRecord): AppendResult {
  if (stored.inputHash !== given.inputHash) throw new IdempotencyConflictError(given.commandId);
  return {
    nextExpectedRevision: stored.nextExpectedRevision,
    eventIds: stored.eventIds,
    result: stored.result,
    duplicate: true,
    checkpoint: stored.checkpoint ? checkpointFromJson(stored.checkpoint) : null,
  };
}

function assertExpected(streamId: string, expected: ExpectedRevision, actual: number): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === -1) ||
    (expected === 'stream_exists' && actual >= 0) ||
    expected === actual;
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}
