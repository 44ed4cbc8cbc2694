import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { PublishCommissionPlanRequest } from './publish-commission-plan.request.dto';

export class PublishCommissionPlanCommand extends HttpCommand<PublishCommissionPlanRequest> {}

@CommandHandler(PublishCommissionPlanCommand)
export class PublishCommissionPlanHandler extends LedgerCommandHandler<PublishCommissionPlanCommand> {
  protected toCommand({ body }: PublishCommissionPlanCommand['input']): CommandRequest {
    return {
      type: 'PublishCommissionPlan',
      data: {
        planId: body.planId,
        version: body.version,
        effectiveFrom: body.effectiveFrom,
        rates: body.rates,
        influencedFactor: body.influencedFactor,
        basis: body.basis,
      },
    };
  }
}
