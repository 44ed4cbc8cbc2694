import type { CommandOutcome } from '@ledger/core';
import type { JsonValue } from '@ledger/event-store/port';
import { formatPositionToken } from '@ledger/projections/runner/checkpoint';
import { RefusalException } from '../problems/refusal.exception';

/** The 201 body of every command: `{ status, eventIds, position?, …what the decision replied }`. */
export interface CommandAnswer {
  status: string;
  eventIds: string[];
  /**
   * Where the command's last event stands in the global log, `"<transactionId>:<globalPosition>"`:
   * hand it back as `waitFor` to read your own write. Absent when the command recorded nothing.
   */
  position?: string;
  [key: string]: JsonValue | undefined;
}

/**
 * The answer of an accepted command, or the refusal thrown to the problem mapping. A duplicate
 * delivery answers from the stored reply; keys are put in one fixed order (status, eventIds,
 * position, then alphabetical at every depth) because a database may hand JSON objects back with
 * keys reordered, and the second answer must be byte-for-byte the first.
 *
 * The position is not part of the stored reply (it is known only once the append commits), so it
 * is added here from the outcome, which carries the stored events' position for a duplicate too.
 */
export function answerOf(outcome: CommandOutcome): CommandAnswer {
  if (outcome.kind === 'refused') throw new RefusalException(outcome);
  const { status, eventIds: _stored, position: _notStored, ...rest } = outcome.reply;
  const sorted = sortKeys(rest) as Record<string, JsonValue>;
  const answer: CommandAnswer = {
    status: typeof status === 'string' ? status : 'recorded',
    eventIds: outcome.eventIds,
  };
  if (outcome.checkpoint !== null && outcome.eventIds.length > 0)
    answer.position = formatPositionToken(outcome.checkpoint);
  return Object.assign(answer, sorted);
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key]!)]),
  );
}
