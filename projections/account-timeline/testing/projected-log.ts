/**
 * Test data for projection specs, built from domain events with defaults: the events are placed in
 * a global log the way the store would place them (stream named by the event, revisions counted
 * per stream, one transaction per event unless stated), so a spec states only what its rule reads.
 */
import { streams, type LedgerEvent } from '@ledger/domain/messages/events';
import type { ProjectedEvent } from '../../projection';

export interface LogEntry {
  event: LedgerEvent;
  /** Ledger time; defaults to the event's business time. */
  recordedAt?: string;
  /** Commit-order key; defaults to the entry's place in the log (one transaction per event). */
  transactionId?: bigint;
}

const PARTNER_EVENTS = new Set([
  'PartnerEnrolled',
  'PartnerTierChanged',
  'PartnerOnboarded',
  'PricingViolationRecorded',
  'PartnerWarned',
  'CommissionsHeld',
  'CommissionsReleased',
  'PartnerRemoved',
]);

/** The stream the ledger appends `event` to (docs/decisions.md, "Streams"). */
export function streamOf(event: LedgerEvent): string {
  if (event.type === 'ProtectedAccountsSubmitted' || event.type === 'ProtectionRevoked')
    return streams.protection();
  if (event.type === 'CommissionPlanPublished') return streams.plans();
  if (PARTNER_EVENTS.has(event.type))
    return streams.partner((event.data as { partnerId: string }).partnerId);
  return streams.account((event.data as { accountId: string }).accountId);
}

/** The events in log order, as a projection receives them from the runner. */
export function projectedLog(entries: readonly (LedgerEvent | LogEntry)[]): ProjectedEvent[] {
  const revisions = new Map<string, number>();
  return entries.map((entry, index) => {
    const { event, recordedAt, transactionId } =
      'event' in entry ? entry : { event: entry, recordedAt: undefined, transactionId: undefined };
    const streamId = streamOf(event);
    const streamRevision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, streamRevision + 1);
    return {
      eventId: event.eventId,
      type: event.type,
      streamId,
      streamRevision,
      globalPosition: BigInt(index + 1),
      transactionId: transactionId ?? BigInt(index + 1),
      occurredAt: event.occurredAt,
      recordedAt: recordedAt ?? event.occurredAt,
      data: event.data as unknown as ProjectedEvent['data'],
      metadata: { commandId: `spec:${index}`, schemaVersion: 1, hash: '', prevHash: '' },
    };
  });
}

/** One event alone in a log, for specs of a single evolve step. */
export function projected(event: LedgerEvent, over: Partial<ProjectedEvent> = {}): ProjectedEvent {
  return { ...projectedLog([event])[0]!, ...over };
}
