import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { accountTimelineProjection } from '@ledger/projections/account-timeline/account-timeline.projection';
import {
  readTimeline,
  type TimelineEntry,
} from '@ledger/projections/account-timeline/account-timeline.query';
import { formatPositionToken, parsePositionToken } from '@ledger/projections/runner/checkpoint';
import { IdParams } from '../commands/id-params';
import { RefusalException } from '../problems/refusal.exception';
import { QueryEndpoint } from '../read-side-accounts/query-endpoint';
import { AccountReadModels } from '../read-side-accounts/read-models';
import { AccountTimelineQuery, TIMELINE_PAGE_MAX } from './account-queries.request.dto';

const entrySchema = {
  type: 'object',
  properties: {
    position: { type: 'string', description: 'global position (a 64-bit integer, as a string)' },
    transactionId: {
      type: 'string',
      description: 'the committing transaction: with `position`, the commit-order key',
    },
    eventId: { type: 'string' },
    type: { type: 'string' },
    streamId: { type: 'string' },
    streamRevision: { type: 'integer' },
    occurredAt: { type: 'string', format: 'date-time' },
    recordedAt: { type: 'string', format: 'date-time' },
    data: { type: 'object' },
    rule: { type: 'string', description: 'for derived events: the rule that fired' },
    dispute: {
      type: 'object',
      description:
        'on a dispute and every decision it caused: the dispute and the reason it was opened for',
      properties: { disputeId: { type: 'string' }, reason: { type: 'string', nullable: true } },
    },
  },
};

/** The wire form of a timeline entry; `rule` and `dispute` appear only where they apply. */
export interface TimelineEntryAnswer {
  position: string;
  transactionId: string;
  eventId: string;
  type: string;
  streamId: string;
  streamRevision: number;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
  rule?: string;
  dispute?: { disputeId: string; reason: string | null };
}

export interface AccountTimelineAnswer {
  accountId: string;
  events: TimelineEntryAnswer[];
  /** The `after` of the next page; null when this page reached the end. */
  next: string | null;
}

/** Not partner-scoped: an account's timeline shows every partner's claims on it. */
@ApiTags('accounts')
@Controller()
export class AccountTimelineController {
  constructor(private readonly readModels: AccountReadModels) {}

  @QueryEndpoint({
    path: '/v1/accounts/:id/timeline',
    summary: 'Every event of an account in order, with the rule behind each derived decision',
    description:
      'The events of the account stream, and the protected-account lists and revocations naming the account, in ' +
      `commit order (the global log's order). Pages of up to ${TIMELINE_PAGE_MAX}; \`next\` resumes. ` +
      "A dispute's resolution, the attribution it decides and the commissions it moves carry the dispute's reason.",
    access: ['manager', 'finance'],
    answer: {
      type: 'object',
      properties: {
        accountId: { type: 'string' },
        events: { type: 'array', items: entrySchema },
        next: { type: 'string', nullable: true },
      },
    },
    notFound: 'nothing is recorded for the account (`account.not_found`)',
  })
  async timeline(
    @Param() params: IdParams,
    @Query() query: AccountTimelineQuery,
  ): Promise<AccountTimelineAnswer> {
    const { db, schema } = await this.readModels.fresh([accountTimelineProjection.name]);
    const page = await readTimeline(db, schema, {
      accountId: params.id,
      after: query.after === undefined ? undefined : parsePositionToken(query.after)!,
      limit: query.limit ?? TIMELINE_PAGE_MAX,
      asOf: query.asOf,
      knownAt: query.knownAt,
    });
    if (page === null) throw unknownAccount(params.id);
    return {
      accountId: params.id,
      events: page.entries.map(toAnswer),
      next: page.next ? formatPositionToken(page.next) : null,
    };
  }
}

export function unknownAccount(accountId: string): RefusalException {
  return new RefusalException({
    kind: 'refused',
    code: 'account.not_found',
    field: 'id',
    message: `no account ${accountId} is recorded`,
  });
}

function toAnswer(entry: TimelineEntry): TimelineEntryAnswer {
  const answer: TimelineEntryAnswer = {
    position: entry.position.globalPosition,
    transactionId: entry.position.transactionId,
    eventId: entry.eventId,
    type: entry.type,
    streamId: entry.streamId,
    streamRevision: entry.streamRevision,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    data: entry.data,
  };
  if (entry.rule !== null) answer.rule = entry.rule;
  if (entry.dispute) answer.dispute = entry.dispute;
  return answer;
}
