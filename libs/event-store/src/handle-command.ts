import { createHash } from 'node:crypto';
import { canonicalJson } from './hashing';
import { IdempotencyConflictError, WrongExpectedRevisionError } from './errors';
import type {
  AppendResult,
  Checkpoint,
  CommandRecord,
  EventStore,
  ExpectedRevision,
  JsonObject,
  JsonValue,
  NewEvent,
  RecordedEvent,
} from './port';

/** A domain event as `decide` emits it: the store adds positions, hashes and ledger time. */
export interface DecidedEvent {
  type: string;
  eventId: string;
  occurredAt: string;
  data: JsonObject;
  schemaVersion?: number;
}

/** A refusal is a value with a stable code, never an exception (STYLE rule 4). */
export interface RefusalLike {
  kind: 'refused';
  code: string;
  message: string;
  field?: string;
  details?: JsonObject;
}

export type DecisionLike =
  { kind: 'accepted'; events: DecidedEvent[]; reply?: JsonObject; keys?: string[] } | RefusalLike;

/**
 * Everything one use case tells the generic path. The path owns I/O, idempotency and retries;
 * the use case owns only which stream, which context, and the pure `decide`/`evolve`.
 */
export interface CommandSpec<State, Context> {
  streamId: string;
  commandId: string;
  /** The command's input as received; its canonical hash makes reuse with another body a 409. */
  input: JsonValue;
  actor?: string;
  correlationId?: string;
  initialState: () => State;
  evolve: (state: State, event: RecordedEvent) => State;
  /** Loads read-only facts from other streams, after the own stream was folded. */
  loadContext: (state: State) => Promise<Context>;
  decide: (state: State, context: Context) => DecisionLike;
  /** How many times a revision conflict re-reads and re-decides before giving up. */
  maxAttempts?: number;
}

export type CommandOutcome =
  | {
      kind: 'accepted';
      duplicate: boolean;
      eventIds: string[];
      reply: JsonObject;
      checkpoint: Checkpoint | null;
    }
  | RefusalLike;

export function hashInput(input: JsonValue): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/**
 * The one write path (after formancehq/ledger's log_process): fold the stream, decide, append with
 * the exact expected revision and the command record in one transaction, and on a revision
 * conflict re-read and re-decide a bounded number of times. A command id seen before answers as it
 * did the first time, whichever of these steps finds it.
 */
export async function handleCommand<State, Context>(
  store: EventStore,
  spec: CommandSpec<State, Context>,
): Promise<CommandOutcome> {
  const inputHash = hashInput(spec.input);
  // No up-front lookup of the command id: the append records the command in the same transaction
  // and answers a re-delivery with the first answer (or an idempotency conflict), and the outcomes
  // that append nothing (a refusal, nothing to record, a lost race) look the command up below. A
  // first delivery, the common case, thus costs one round trip less.
  const maxAttempts = spec.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(spec.streamId);
    const state = history.reduce(spec.evolve, spec.initialState());
    const context = await spec.loadContext(state);
    const decision = spec.decide(state, context);
    if (decision.kind === 'refused' || decision.events.length === 0) {
      // A concurrent delivery of this command may have been recorded since the lookup above, and this
      // decision be about its events ("already enrolled", nothing left to record): answer as it did.
      const winner = await store.findCommand(spec.commandId);
      if (winner) return replayOf(store, spec.streamId, winner, inputHash);
    }
    if (decision.kind === 'refused') return decision;
    if (decision.events.length === 0) {
      // Nothing to record (e.g. a quarterly review where every account moved): an empty append has
      // no transaction to carry a command record, so such an answer is recomputed on re-delivery.
      return {
        kind: 'accepted',
        duplicate: false,
        eventIds: [],
        reply: { ...(decision.reply ?? {}), eventIds: [] },
        checkpoint: null,
      };
    }

    const expected: ExpectedRevision =
      history.length === 0 ? 'no_stream' : history[history.length - 1]!.streamRevision;
    const reply: JsonObject = {
      ...(decision.reply ?? {}),
      eventIds: decision.events.map((e) => e.eventId),
    };
    try {
      const appended = await store.append(spec.streamId, decision.events.map(toNewEvent(spec)), {
        expected,
        command: { commandId: spec.commandId, inputHash, result: reply },
        keys: decision.keys,
      });
      return accepted(appended, reply);
    } catch (error) {
      if (
        error instanceof IdempotencyConflictError ||
        error instanceof WrongExpectedRevisionError
      ) {
        // A concurrent delivery of the same command may have won the race: answer as it did. Checked
        // before a retry, which would decide against this very command's events (and could refuse).
        const winner = await store.findCommand(spec.commandId);
        if (winner) return replayOf(store, spec.streamId, winner, inputHash);
      }
      if (error instanceof WrongExpectedRevisionError && attempt < maxAttempts) {
        await backoff(attempt);
        continue;
      }
      throw error;
    }
  }
}

async function replayOf(
  store: EventStore,
  streamId: string,
  earlier: CommandRecord,
  inputHash: string,
): Promise<CommandOutcome> {
  if (earlier.inputHash !== inputHash) throw new IdempotencyConflictError(earlier.commandId);
  const result = earlier.result;
  const eventIds = Array.isArray(result.eventIds) ? (result.eventIds as string[]) : [];
  const checkpoint = await storedCheckpoint(store, streamId, eventIds);
  return { kind: 'accepted', duplicate: true, eventIds, reply: result, checkpoint };
}

/**
 * Where an earlier command's events stand in the global log: the checkpoint of the last of
 * `eventIds` in `streamId`, so a re-delivery answers the same position as the first delivery did.
 * One read of the stream, as the first delivery made; null when the command recorded no event.
 */
export async function storedCheckpoint(
  store: EventStore,
  streamId: string,
  eventIds: readonly string[],
): Promise<Checkpoint | null> {
  const lastId = eventIds[eventIds.length - 1];
  if (lastId === undefined) return null;
  const events = await store.readStream(streamId);
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.eventId === lastId)
      return { transactionId: event.transactionId, globalPosition: event.globalPosition };
  }
  return null;
}

function accepted(appended: AppendResult, reply: JsonObject): CommandOutcome {
  const stored = appended.result ?? reply;
  const eventIds =
    appended.duplicate && Array.isArray(stored.eventIds)
      ? (stored.eventIds as string[])
      : appended.eventIds;
  return {
    kind: 'accepted',
    duplicate: appended.duplicate,
    eventIds,
    reply: stored,
    checkpoint: appended.checkpoint,
  };
}

function toNewEvent<S, C>(spec: CommandSpec<S, C>) {
  return (e: DecidedEvent): NewEvent => ({
    eventId: e.eventId,
    type: e.type,
    occurredAt: e.occurredAt,
    data: e.data,
    schemaVersion: e.schemaVersion,
    metadata: {
      commandId: spec.commandId,
      causationId: spec.commandId,
      correlationId: spec.correlationId ?? spec.commandId,
      actor: spec.actor,
    },
  });
}

/** Jittered exponential backoff; jitter keeps racing writers from colliding again in lockstep. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.min(50, 2 ** attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
