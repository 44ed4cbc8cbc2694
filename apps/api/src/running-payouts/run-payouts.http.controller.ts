import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MINIMUM_PAYOUT } from '@ledger/domain/program/rules';
import { AllowedFor } from '../auth/access.decorator';
import { CommandContext, type RequestContext } from '../http/request-context';
import { RunPayoutsRequest } from './run-payouts.request.dto';
import { RunPayoutsService, type PayoutRunAnswer } from './run-payouts.service';

@ApiTags('payouts')
@Controller()
export class RunPayoutsController {
  constructor(private readonly payouts: RunPayoutsService) {}

  @Post('/v1/payout-runs')
  @HttpCode(201)
  @AllowedFor('finance')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Run payouts as of a business time: per partner and currency, pay every payable item not yet paid',
    description:
      'Roles: finance, admin. Idempotent by `runId`: a re-run answers the same and pays nothing new; the same id with other terms is 409. ' +
      'A commission is paid at most once, also when runs race. 503 when the read models are behind the ledger.',
  })
  @ApiCreatedResponse({
    description:
      '`{ status: "completed", runId, asOf, minimumPayout, payouts: [{ payoutId, partnerId, currency, amount }], carriedForward, skipped, eventIds }`',
  })
  run(
    @Body() body: RunPayoutsRequest,
    @CommandContext() context: RequestContext,
  ): Promise<PayoutRunAnswer> {
    const terms = {
      runId: body.runId,
      asOf: body.asOf,
      minimumPayout: body.minimumPayout ?? MINIMUM_PAYOUT,
    };
    return this.payouts.run(terms, { actor: context.actor, correlationId: context.correlationId });
  }
}
