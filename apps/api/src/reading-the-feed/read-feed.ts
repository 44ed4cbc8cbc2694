import type { Checkpoint, EventStore, RecordedEvent } from '@ledger/event-store/port';
import { namesPartner, type FeedScope } from './partner-scope';

/** A partner-scoped read looks at most this many events per request, so one call stays quick. */
export const SCAN_BUDGET_EVENTS = 10_000;
const SCAN_PAGE_EVENTS = 1_000;

export interface FeedPage {
  events: RecordedEvent[];
  /** Where the next call resumes: after the last event returned, or after the last event looked at. */
  next: Checkpoint;
}

/**
 * The ledger's events in commit order, straight from the store's global log, after `after`. A
 * partner-scoped reader gets only events naming its partners: the log is read on, page by page,
 * until `limit` of those are found, the log ends, or the scan budget is spent; `next` then
 * resumes exactly where the scan stopped, so no event is skipped or seen twice.
 */
export async function readFeed(
  store: Pick<EventStore, 'readAll'>,
  scope: FeedScope,
  after: Checkpoint,
  limit: number,
): Promise<FeedPage> {
  if (scope.kind === 'all') {
    const page = await store.readAll({ after, limit });
    return { events: page.events, next: page.checkpoint };
  }
  const found: RecordedEvent[] = [];
  let position = after;
  for (let scanned = 0; scanned < SCAN_BUDGET_EVENTS;) {
    const page = await store.readAll({ after: position, limit: SCAN_PAGE_EVENTS });
    for (const event of page.events) {
      position = checkpointOf(event);
      if (namesPartner(event.data, scope.partnerIds)) found.push(event);
      if (found.length === limit) return { events: found, next: position };
    }
    scanned += page.events.length;
    if (page.events.length < SCAN_PAGE_EVENTS) break;
  }
  return { events: found, next: position };
}

function checkpointOf(event: RecordedEvent): Checkpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}
