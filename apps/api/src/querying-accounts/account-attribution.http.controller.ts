import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { accountAttributionProjection } from '@ledger/projections/account-attribution/account-attribution.projection';
import {
  readAttribution,
  type AccountAttribution,
} from '@ledger/projections/account-attribution/account-attribution.query';
import { IdParams } from '../commands/id-params';
import { QueryEndpoint } from '../read-side-accounts/query-endpoint';
import { AccountReadModels } from '../read-side-accounts/read-models';
import { PointInTimeQuery } from './account-queries.request.dto';
import { unknownAccount } from './account-timeline.http.controller';

/** Not partner-scoped: the attribution names every partner with a claim on the account. */
@ApiTags('accounts')
@Controller()
export class AccountAttributionController {
  constructor(private readonly readModels: AccountReadModels) {}

  @QueryEndpoint({
    path: '/v1/accounts/:id/attribution',
    summary: 'Who sourced and who influenced an account, and the rule and events that decided it',
    description:
      'The attribution is the last `AttributionDecided` the ledger recorded for the account; with `asOf`, the last ' +
      'one recorded among those dated at or before `asOf`; with `knownAt`, only decisions recorded by then. An account ' +
      'without any decision answers no credit (`attribution.no_credit`).',
    access: ['manager', 'finance'],
    answer: {
      type: 'object',
      properties: {
        accountId: { type: 'string' },
        sourcedPartnerId: { type: 'string', nullable: true },
        influencedPartnerIds: { type: 'array', items: { type: 'string' } },
        rule: { type: 'string', example: 'attribution.first_touch' },
        evidence: {
          type: 'array',
          items: { type: 'string' },
          description: 'ids of the events the decision relied on',
        },
        credits: {
          type: 'array',
          description:
            'each credited partner with the rule that granted its credit and that rule’s evidence',
          items: {
            type: 'object',
            properties: {
              partnerId: { type: 'string' },
              credit: { type: 'string', enum: ['sourced', 'influenced'] },
              rule: { type: 'string' },
              evidence: { type: 'array', items: { type: 'string' } },
            },
          },
        },
        decision: {
          type: 'object',
          nullable: true,
          properties: {
            eventId: { type: 'string' },
            occurredAt: { type: 'string' },
            recordedAt: { type: 'string' },
          },
        },
      },
    },
    notFound: 'nothing is recorded for the account (`account.not_found`)',
  })
  async attribution(
    @Param() params: IdParams,
    @Query() query: PointInTimeQuery,
  ): Promise<AccountAttribution> {
    const { db, schema } = await this.readModels.fresh([accountAttributionProjection.name]);
    const attribution = await readAttribution(db, schema, {
      accountId: params.id,
      asOf: query.asOf,
      knownAt: query.knownAt,
    });
    if (attribution === null) throw unknownAccount(params.id);
    return attribution;
  }
}
