import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowedFor } from '../auth/access.decorator';
import { assertInScope, CallerScope, type PartnerScope } from '../auth/caller-scope';
import { PayoutIdParams } from '../closing-payouts/payout-id.params';
import { ExplainPayoutService } from './explain-payout.service';
import type { PayoutExplanation } from './payout-explanation';

@ApiTags('payouts')
@Controller()
export class PayoutExplanationController {
  constructor(private readonly payouts: ExplainPayoutService) {}

  @Get('/v1/payouts/:id/explanation')
  // `:id` is a payout id, whose partner only the ledger knows: the handler checks a partner key.
  @AllowedFor('manager', 'finance', 'partner:scoped')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Every line of a payout with the payment, attribution, rule, plan version, rate, rounding and source events',
    description:
      'Roles: manager, finance, admin, and partner:<id> for its own payouts. The lines sum exactly to the payout amount. 404 for an unknown payout.',
  })
  @ApiOkResponse({
    description:
      '`{ payoutId, partnerId, currency, amount, status, lines: [{ kind, amount, currency, paymentId, rule, planVersion, rate, basis, unroundedAmount, rounding, attribution, sourceEventIds, positions }], linesTotal }`',
  })
  async explanation(
    @Param() params: PayoutIdParams,
    @CallerScope() scope: PartnerScope,
  ): Promise<PayoutExplanation> {
    if (scope.kind === 'partners') {
      const owner = await this.payouts.partnerOf(params.id);
      // An unknown payout has no owner to check: it answers 404 to everyone.
      if (owner !== null) assertInScope(scope, owner);
    }
    return this.payouts.explain(params.id);
  }
}
