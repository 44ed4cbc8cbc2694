import type { PayoutEvent } from '@ledger/domain/messages/payout-events';
import type { RecordedEvent } from '@ledger/event-store/port';

export { toDecisionLike } from '@ledger/core/commands/decision-like';

/** The stored event as the payout `evolve` reads it. */
export function toPayoutEvent(event: RecordedEvent): PayoutEvent {
  return {
    type: event.type,
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    data: event.data,
  } as unknown as PayoutEvent;
}
