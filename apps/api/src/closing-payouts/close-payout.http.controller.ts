import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowedFor } from '../auth/access.decorator';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandContext, type RequestContext } from '../http/request-context';
import { ClosePayoutRequest } from './close-payout.request.dto';
import { ClosePayoutService } from './close-payout.service';
import { PayoutIdParams } from './payout-id.params';

const CLOSE_DESCRIPTION =
  'Roles: finance, admin. 404 for an unknown payout; 422 `payout.already_closed` once it is paid or failed, ' +
  '`payout.closed_before_issue` when dated before the run as of. Re-sending the same body answers the first answer.';

@ApiTags('payouts')
@Controller()
export class ClosePayoutController {
  constructor(private readonly payouts: ClosePayoutService) {}

  @Post('/v1/payouts/:id/paid')
  @HttpCode(201)
  @AllowedFor('finance')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Record that a payout reached the partner',
    description: CLOSE_DESCRIPTION,
  })
  @ApiCreatedResponse({ description: '`{ status: "paid", eventIds, payoutId, currency, amount }`' })
  paid(
    @Param() params: PayoutIdParams,
    @Body() body: ClosePayoutRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.payouts.close('MarkPayoutPaid', params.id, body, context);
  }

  @Post('/v1/payouts/:id/failed')
  @HttpCode(201)
  @AllowedFor('finance')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Record that a payout failed: its commissions become payable again',
    description: CLOSE_DESCRIPTION,
  })
  @ApiCreatedResponse({
    description: '`{ status: "failed", eventIds, payoutId, currency, amount }`',
  })
  failed(
    @Param() params: PayoutIdParams,
    @Body() body: ClosePayoutRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.payouts.close('MarkPayoutFailed', params.id, body, context);
  }
}
