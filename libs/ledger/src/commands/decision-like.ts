import type { DecisionLike, RefusalLike } from '@ledger/event-store/handle-command';
import { toJsonObject } from './json';

/** What every domain `decide` returns, whichever aggregate it belongs to. */
export type DomainDecision =
  | {
      kind: 'accepted';
      events: readonly { type: string; eventId: string; occurredAt: string; data: object; schemaVersion?: number }[];
      reply: object;
      keys?: string[];
    }
  | { kind: 'refused'; code: string; message: string; field?: string; details?: object };

/**
 * A domain decision in the store's vocabulary. Events and replies go through a JSON round trip, so
 * that what is hashed and answered now is exactly what a later read returns. The one conversion used
 * by the application service, payouts and the demo executor.
 */
export function toDecisionLike(decision: DomainDecision): DecisionLike {
  if (decision.kind === 'refused') {
    const refusal: RefusalLike = { kind: 'refused', code: decision.code, message: decision.message };
    if (decision.field !== undefined) refusal.field = decision.field;
    if (decision.details !== undefined) refusal.details = toJsonObject(decision.details);
    return refusal;
  }
  return {
    kind: 'accepted',
    events: decision.events.map((event) => ({
      type: event.type,
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      data: toJsonObject(event.data),
      schemaVersion: event.schemaVersion,
    })),
    reply: toJsonObject(decision.reply),
    keys: decision.keys,
  };
}
