import type { Decision, LedgerEvent } from '@ledger/domain';
import { toDecisionLike } from '@ledger/core/commands/decision-like';
import { toJson } from '@ledger/core/commands/json';
import { hashInput, type RefusalLike } from '@ledger/event-store/handle-command';
import type { AppendOptions, ExpectedRevision, JsonObject, JsonValue, NewEvent } from '@ledger/event-store/port';

/** Who sent the command and under which ids, as `LedgerCommands.execute` hands them to `handleCommand`. */
export interface CommandEnvelope {
  streamId: string;
  commandId: string;
  /** What the idempotency hash covers: the request's data, as the API's handlers pass it. */
  input: unknown;
  actor?: string;
  correlationId?: string;
  /** The stream's last revision before this command, −1 for a new stream. */
  revision: number;
}

/** One accepted command, ready for `store.append`, with its events as `evolve` will read them back. */
export interface PlannedAppend {
  streamId: string;
  events: NewEvent[];
  options: AppendOptions;
  /** The stored form of each event (data after the JSON round trip), for folding into memory. */
  folded: LedgerEvent[];
}

/**
 * Turns a domain decision into exactly the append the application's write path makes
 * (`LedgerCommands.execute` → `handleCommand`): events and replies after a JSON round trip, event
 * metadata naming the command, the command record with the hash of the input, the lookup keys, and
 * the exact expected revision. Null when the decision records nothing (then nothing is appended and
 * no command record is stored, as in `handleCommand`).
 *
 * The decision is converted by the application's own `toDecisionLike`, so the demo and the HTTP path
 * store identical events (the executor-vs-application spec holds them equal).
 */
export function planAppend(decision: Decision, envelope: CommandEnvelope): PlannedAppend | RefusalLike | null {
  const like = toDecisionLike(decision);
  if (like.kind === 'refused') return like;
  if (like.events.length === 0) return null;
  const { streamId, commandId, actor } = envelope;
  const metadata = { commandId, causationId: commandId, correlationId: envelope.correlationId ?? commandId, actor };
  const events: NewEvent[] = [];
  const folded: LedgerEvent[] = [];
  for (const event of like.events) {
    events.push({ ...event, metadata });
    folded.push({ ...event, schemaVersion: event.schemaVersion ?? 1 } as unknown as LedgerEvent);
  }
  const reply: JsonObject = { ...(like.reply ?? {}), eventIds: like.events.map((e) => e.eventId) };
  const expected: ExpectedRevision = envelope.revision < 0 ? 'no_stream' : envelope.revision;
  return {
    streamId,
    events,
    options: {
      expected,
      command: { commandId, inputHash: hashInput(toJson(envelope.input) as JsonValue), result: reply },
      keys: like.keys,
    },
    folded,
  };
}
