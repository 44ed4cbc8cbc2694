import type { LedgerEvent, LedgerEventType } from '../messages/events';
import { toMs } from '../shared/time';

/** Facts that count as pipeline movement on an account (SPEC §4 "Protected accounts"). */
const PIPELINE_EVENTS: ReadonlySet<LedgerEventType> = new Set<LedgerEventType>([
  'TouchpointRecorded',
  'OpportunityOpened',
  'OpportunityWon',
  'OpportunityLost',
  'PaymentRecorded',
]);

/** True when the account's history has a touchpoint, opportunity event or payment with business time in [start, end). */
export function hadPipelineMovement(history: readonly LedgerEvent[], bounds: { start: string; end: string }): boolean {
  const startMs = toMs(bounds.start);
  const endMs = toMs(bounds.end);
  return history.some((event) => {
    if (!PIPELINE_EVENTS.has(event.type)) return false;
    const atMs = toMs(event.occurredAt);
    return atMs >= startMs && atMs < endMs;
  });
}
