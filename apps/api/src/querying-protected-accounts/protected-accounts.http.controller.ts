import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PROTECTED_ACCOUNTS_LIMIT } from '@ledger/domain/program/rules';
import { protectedAccountsProjection } from '@ledger/projections/protected-accounts/protected-accounts.projection';
import {
  readProtectedAccounts,
  type ProtectedAccountList,
} from '@ledger/projections/protected-accounts/protected-accounts.query';
import { IdParams } from '../commands/id-params';
import { RefusalException } from '../problems/refusal.exception';
import { PointInTimeQuery } from '../querying-accounts/account-queries.request.dto';
import { QueryEndpoint } from '../read-side-accounts/query-endpoint';
import { AccountReadModels } from '../read-side-accounts/read-models';

export interface ProtectedAccountsAnswer extends ProtectedAccountList {
  /** The most accounts one partner may protect at once. */
  limit: number;
  /** How many accounts of the list are still protected. */
  protectedCount: number;
}

@ApiTags('partners')
@Controller()
export class ProtectedAccountsController {
  constructor(private readonly readModels: AccountReadModels) {}

  @QueryEndpoint({
    path: '/v1/partners/:id/protected-accounts',
    summary: "A partner's protected-account list, each account with its protection state",
    description:
      "The partner's latest submitted list (a submission replaces the previous list whole), in list order. Each " +
      'account is `protected`, or `revoked` when a quarterly review found no pipeline movement (touchpoint, ' +
      'opportunity event, payment) in the quarter; a revocation names the review, the quarter and the rule. ' +
      '`asOf` and `knownAt` answer the list as it stood, or as the ledger knew it, at an earlier time. ' +
      'A partner key may read its own list only.',
    access: ['manager', 'finance', 'partner:self'],
    answer: {
      type: 'object',
      properties: {
        partnerId: { type: 'string' },
        quarter: { type: 'string', nullable: true, example: '2026-Q3' },
        submissionId: { type: 'string', nullable: true },
        submittedAt: { type: 'string', nullable: true, format: 'date-time' },
        limit: { type: 'integer', example: PROTECTED_ACCOUNTS_LIMIT },
        protectedCount: { type: 'integer' },
        accounts: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              accountId: { type: 'string' },
              state: { type: 'string', enum: ['protected', 'revoked'] },
              listedAt: { type: 'string', format: 'date-time' },
              revocation: {
                type: 'object',
                nullable: true,
                properties: {
                  revokedAt: { type: 'string', format: 'date-time' },
                  quarter: { type: 'string' },
                  reviewId: { type: 'string' },
                  rule: { type: 'string', example: 'protection.no_pipeline_movement' },
                  eventId: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    notFound: 'the partner is not enrolled (`partner.not_found`)',
  })
  async list(
    @Param() params: IdParams,
    @Query() query: PointInTimeQuery,
  ): Promise<ProtectedAccountsAnswer> {
    const { db, schema } = await this.readModels.fresh([protectedAccountsProjection.name]);
    const list = await readProtectedAccounts(db, schema, {
      partnerId: params.id,
      asOf: query.asOf,
      knownAt: query.knownAt,
    });
    if (list === null) {
      throw new RefusalException({
        kind: 'refused',
        code: 'partner.not_found',
        field: 'id',
        message: `partner ${params.id} is not enrolled`,
      });
    }
    const protectedCount = list.accounts.filter((account) => account.state === 'protected').length;
    return { ...list, limit: PROTECTED_ACCOUNTS_LIMIT, protectedCount };
  }
}
