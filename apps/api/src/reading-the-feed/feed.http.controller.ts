import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@ledger/core';
import { START, type EventStore, type RecordedEvent } from '@ledger/event-store/port';
import { formatPositionToken, parsePositionToken } from '@ledger/projections/runner/checkpoint';
import { AllowedFor } from '../auth/access.decorator';
import { CallerScope, type PartnerScope } from '../auth/caller-scope';
import { FEED_PAGE_DEFAULT, FEED_PAGE_MAX, FeedQuery } from './feed.request.dto';
import { readFeed, SCAN_BUDGET_EVENTS } from './read-feed';

/** One event of the feed: the stored event, with 64-bit positions as strings. */
export interface FeedEvent {
  eventId: string;
  type: string;
  streamId: string;
  streamRevision: number;
  position: string;
  transactionId: string;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface FeedAnswer {
  events: FeedEvent[];
  /** Pass as `after` to read on; returned even when the page is empty, to poll from. */
  next: string;
}

@ApiTags('feed')
@Controller()
export class FeedController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  // A partner key is admitted and sees only events naming its partner (see readFeed).
  @Get('/v1/feed')
  @AllowedFor('manager', 'finance', 'partner:scoped')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The ledger's events in commit order, with a resume token, for downstream services",
    description:
      'Reads the global log straight from the store, in commit order, strictly after `after` (an opaque token; the ' +
      `start of the log when absent), at most \`limit\` events (1–${FEED_PAGE_MAX}, default ${FEED_PAGE_DEFAULT}). ` +
      'Resume with `next`; no event is skipped or repeated. A `partner:<id>` key sees only events whose data names ' +
      'its partner (`partnerId`, `fromPartnerId`, `toPartnerId`, `sourced`, `influenced`, `winnerPartnerId`, ' +
      `\`claimantPartnerId\`, \`loserPartnerIds\`); each call scans at most ${SCAN_BUDGET_EVENTS} events for it, so a ` +
      'page may hold fewer than `limit` events while `next` moves on.\n\nRoles: manager, finance, admin, partner:<id> (own events).',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        events: { type: 'array', items: { type: 'object' } },
        next: { type: 'string', example: '1042:98765' },
      },
    },
  })
  @ApiResponse({ status: 400, description: 'invalid `after` or `limit`' })
  @ApiResponse({ status: 401, description: 'missing or unknown API key' })
  @ApiResponse({ status: 403, description: "the key's role may not read the feed" })
  async feed(@Query() query: FeedQuery, @CallerScope() scope: PartnerScope): Promise<FeedAnswer> {
    const after = query.after === undefined ? START : parsePositionToken(query.after)!;
    const page = await readFeed(this.store, scope, after, query.limit ?? FEED_PAGE_DEFAULT);
    return { events: page.events.map(toFeedEvent), next: formatPositionToken(page.next) };
  }
}

function toFeedEvent(event: RecordedEvent): FeedEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    position: event.globalPosition.toString(),
    transactionId: event.transactionId.toString(),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    data: event.data,
    metadata: { ...event.metadata },
  };
}
