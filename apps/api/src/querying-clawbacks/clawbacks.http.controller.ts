import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { commissionAdjustments } from '@ledger/projections/commissions/commission-adjustments.query';
import { AllowedFor } from '../auth/access.decorator';
import { IdParams } from '../commands/id-params';
import { nowIso, ReadModels } from '../read-side/read-models';
import { invalidInput } from '../validation/validation.pipe';
import { decodeAdjustmentCursor, encodeAdjustmentCursor } from './adjustment-cursor';
import { ClawbacksAnswer, ClawbacksQuery, PartnerClawbacksQuery } from './clawbacks.request.dto';

/**
 * Clawbacks and reversals with their causes (SPEC §5). `/v1/clawbacks` spans partners, so it is for
 * managers and finance; a partner reads its own under `/v1/partners/{id}/clawbacks`.
 */
@ApiTags('commissions')
@Controller()
export class ClawbacksController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('/v1/clawbacks')
  @AllowedFor('manager', 'finance')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Reversals (refunds), clawbacks (churn) and dispute reassignments, with their causes',
    description:
      'Roles: manager, finance, admin. Filter by partner and by business time [from, to); pages of `limit`, resumed with `after`.',
  })
  @ApiOkResponse({ type: ClawbacksAnswer })
  list(@Query() query: ClawbacksQuery): Promise<ClawbacksAnswer> {
    return this.answer(query.partnerId, query);
  }

  @Get('/v1/partners/:id/clawbacks')
  @AllowedFor('manager', 'finance', 'partner:self')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "One partner's reversals, clawbacks and reassignments",
    description: 'Roles: manager, finance, admin, and the partner itself.',
  })
  @ApiOkResponse({ type: ClawbacksAnswer })
  async forPartner(
    @Param() params: IdParams,
    @Query() query: PartnerClawbacksQuery,
  ): Promise<ClawbacksAnswer> {
    await this.readModels.assertPartnerKnown(params.id);
    return this.answer(params.id, query);
  }

  private async answer(
    partnerId: string | undefined,
    query: PartnerClawbacksQuery,
  ): Promise<ClawbacksAnswer> {
    if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
      throw invalidInput([{ field: 'to', message: 'must be after `from`' }]);
    }
    await this.readModels.waitFor(query.waitFor, ['commissions']);
    const knownAt = query.knownAt ?? nowIso();
    const limit = query.limit ?? 100;
    const after =
      query.after === undefined ? undefined : (decodeAdjustmentCursor(query.after) ?? undefined);
    // One more than a page tells whether another page follows.
    const found = await commissionAdjustments(this.readModels.db, this.readModels.schema, {
      partnerId,
      from: query.from,
      to: query.to,
      knownAt,
      after,
      limit: limit + 1,
    });
    const adjustments = found.slice(0, limit);
    const last = adjustments[adjustments.length - 1];
    const next = found.length > limit && last ? encodeAdjustmentCursor(last) : null;
    return { knownAt, adjustments, next };
  }
}
