import {
  DuplicateKeyError,
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '../errors';
import { GENESIS_HASH } from '../hashing';
import type { AppendResult, CommandRecord, ExpectedRevision, JsonObject } from '../port';
import type { HeadRow } from './append-statements';
import type { ValidAppend } from '../append-validation';
import { checkpointOf } from './event-rows';
import { writeBatch, type AppendContext } from './sql-write';
import type { StreamHead, StreamHeadCache } from './stream-head-cache';

export type { AppendContext } from './sql-write';

/** Rounds of read-then-write before a writer that keeps losing races gives up. */
const MAX_ROUNDS = 50;
const PREPARED = { prepared: true };

/**
 * One append as an optimistic compare-and-set. When this process knows the stream's head (or the
 * caller expects no stream), it writes straight away: one round trip. Otherwise, or when that
 * write touched nothing, it reads the head, the command record and the key owners, decides in
 * precedence order (command id, expected revision, keys), and writes; a writer that lost a race
 * reads again and then finds the winner's command (a duplicate), a revision or key conflict, or,
 * expecting `any`, goes again. Every write is one statement that moves the head only if it is
 * still where it was seen, and inserts events, command record and keys with it.
 */
export async function sqlAppend(ctx: AppendContext, input: ValidAppend): Promise<AppendResult> {
  const guess = guessHead(ctx.heads, input);
  if (guess) {
    const outcome = await writeBatch(ctx, input, guess, input.keys);
    if (outcome.kind === 'written') return remember(ctx, input, outcome.result, outcome.head);
    ctx.heads.forget(input.streamId);
  }
  return appendAfterReading(ctx, input);
}

async function appendAfterReading(ctx: AppendContext, input: ValidAppend): Promise<AppendResult> {
  const { streamId, command } = input;
  let eventIdTaken = false;
  for (let round = 1; ; round++) {
    // Prepared: its generic plan goes through the indexes however small the tables were when it
    // was made (see `readHead`, and append-plans.int.spec.ts).
    const [row] = await ctx.client.query<HeadRow>(
      ctx.statements.readHead,
      [streamId, command?.commandId ?? null, JSON.stringify(input.keys)],
      PREPARED,
    );
    if (command && row!.input_hash !== null) return answerFor(ctx, row!, command);
    const head = headOf(row!);
    if (!revisionMatches(input.expected, head.revision) || round > MAX_ROUNDS) {
      throw new WrongExpectedRevisionError(streamId, input.expected, head.revision);
    }
    const owners = (row!.key_owners ?? []).sort((a, b) => a.key.localeCompare(b.key));
    const foreign = owners.find((o) => o.streamId !== streamId);
    if (foreign) throw new DuplicateKeyError(foreign.key, foreign.streamId);
    if (head.revision >= 0) ctx.heads.set(streamId, head);

    const owned = new Set(owners.map((o) => o.key));
    const outcome = await writeBatch(
      ctx,
      input,
      head,
      input.keys.filter((k) => !owned.has(k)),
    );
    if (outcome.kind === 'written') return remember(ctx, input, outcome.result, outcome.head);
    ctx.heads.forget(streamId);
    if (outcome.kind === 'event_id_taken') {
      // Once may be a concurrent delivery of this very command (read again to find it); twice,
      // with no command record in between, is an event id reused by another append.
      if (eventIdTaken) {
        const reason = `an event with this id is already stored (${outcome.detail})`;
        throw new InvalidAppendError('events.eventId', reason);
      }
      eventIdTaken = true;
    }
  }
}

/** What this process knows of the stream, if it is consistent with what the caller expects. */
function guessHead(heads: StreamHeadCache, input: ValidAppend): StreamHead | null {
  const cached = heads.get(input.streamId);
  if (cached) return revisionMatches(input.expected, cached.revision) ? cached : null;
  return input.expected === 'no_stream'
    ? { revision: -1, lastHash: GENESIS_HASH, lastRecordedAt: null }
    : null;
}

function remember(
  ctx: AppendContext,
  input: ValidAppend,
  result: AppendResult,
  head: StreamHead,
): AppendResult {
  ctx.heads.set(input.streamId, head);
  return result;
}

function headOf(row: HeadRow): StreamHead {
  return row.revision === null
    ? { revision: -1, lastHash: GENESIS_HASH, lastRecordedAt: null }
    : {
        revision: Number(row.revision),
        lastHash: row.last_hash!,
        lastRecordedAt: row.last_recorded_at,
      };
}

function revisionMatches(expected: ExpectedRevision, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === -1;
  if (expected === 'stream_exists') return actual >= 0;
  return actual === expected;
}

/** The first answer to a command, or a conflict when the same id came with another input. */
async function answerFor(
  ctx: AppendContext,
  row: HeadRow,
  command: CommandRecord,
): Promise<AppendResult> {
  if (row.input_hash !== command.inputHash) throw new IdempotencyConflictError(command.commandId);
  const events = await ctx.client.query<{ event_id: string }>(ctx.statements.eventIdsOfCommand, [
    row.command_transaction_id,
    row.command_stream_id,
  ]);
  return {
    nextExpectedRevision: Number(row.next_expected_revision),
    eventIds: events.map((e) => e.event_id),
    result: row.result as JsonObject,
    duplicate: true,
    checkpoint: checkpointOf(row.command_transaction_id!, row.command_last_position!),
  };
}
