import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { partnerCommissions } from '@ledger/projections/commissions/partner-commissions.query';
import { AllowedFor } from '../auth/access.decorator';
import { IdParams } from '../commands/id-params';
import { nowIso, ReadModels } from '../read-side/read-models';
import { invalidInput } from '../validation/validation.pipe';
import {
  PartnerCommissionsAnswer,
  PartnerCommissionsQuery,
} from './partner-commissions.request.dto';

const COMMISSION_PROJECTIONS = ['commissions', 'partner_holds'];

@ApiTags('partners')
@Controller()
export class PartnerCommissionsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('/v1/partners/:id/commissions')
  @AllowedFor('manager', 'finance', 'partner:self')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "A partner's commission lines for payments in [from, to), with what was taken off each and their status",
    description:
      'Roles: manager, finance, admin, and the partner itself; 404 for a partner never enrolled.',
  })
  @ApiOkResponse({ type: PartnerCommissionsAnswer })
  async commissions(
    @Param() params: IdParams,
    @Query() query: PartnerCommissionsQuery,
  ): Promise<PartnerCommissionsAnswer> {
    if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
      throw invalidInput([{ field: 'to', message: 'must be after `from`' }]);
    }
    await this.readModels.waitFor(query.waitFor, COMMISSION_PROJECTIONS);
    await this.readModels.assertPartnerKnown(params.id);
    const now = nowIso();
    const at = { asOf: query.asOf ?? now, knownAt: query.knownAt ?? now };
    const lines = await partnerCommissions(this.readModels.db, this.readModels.schema, params.id, {
      ...at,
      from: query.from,
      to: query.to,
    });
    return { partnerId: params.id, ...at, lines };
  }
}
