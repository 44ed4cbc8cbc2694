import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { partnerBalances } from '@ledger/projections/partner-balances/partner-balance.query';
import { AllowedFor } from '../auth/access.decorator';
import { IdParams } from '../commands/id-params';
import { nowIso, ReadModels } from '../read-side/read-models';
import { PartnerBalanceAnswer, PartnerBalanceQuery } from './partner-balance.request.dto';

/** The read models a balance is computed from. */
const BALANCE_PROJECTIONS = ['commissions', 'partner_holds', 'payouts'];

@ApiTags('partners')
@Controller()
export class PartnerBalanceController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('/v1/partners/:id/balance')
  @AllowedFor('manager', 'finance', 'partner:self')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "A partner's balance per currency, at any business time as known at any ledger time",
    description:
      'Roles: manager, finance, admin, and the partner itself; 404 for a partner never enrolled. Every figure sums rows with occurredAt ≤ asOf and recordedAt ≤ knownAt, so asking again with the knownAt of an earlier answer reproduces it to the cent.',
  })
  @ApiOkResponse({ type: PartnerBalanceAnswer })
  async balance(
    @Param() params: IdParams,
    @Query() query: PartnerBalanceQuery,
  ): Promise<PartnerBalanceAnswer> {
    await this.readModels.waitFor(query.waitFor, BALANCE_PROJECTIONS);
    await this.readModels.assertPartnerKnown(params.id);
    const now = nowIso();
    const at = { asOf: query.asOf ?? now, knownAt: query.knownAt ?? now };
    const balances = await partnerBalances(
      this.readModels.db,
      this.readModels.schema,
      params.id,
      at,
    );
    return { partnerId: params.id, ...at, balances };
  }
}
