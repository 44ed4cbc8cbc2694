import type { LedgerEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store/port';

/**
 * What the domain's `evolve` functions read: the stored event without its storage envelope
 * (positions, hashes, ledger time). The store has already upcast `data` to the current shape, so
 * the cast only names what the event's `type` already promises.
 */
export function toLedgerEvent(event: RecordedEvent): LedgerEvent {
  return {
    type: event.type,
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    data: event.data,
    schemaVersion: event.metadata.schemaVersion,
  } as unknown as LedgerEvent;
}
