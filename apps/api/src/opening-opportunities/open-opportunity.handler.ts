import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { OpenOpportunityRequest } from './open-opportunity.request.dto';

export class OpenOpportunityCommand extends HttpCommand<OpenOpportunityRequest> {}

@CommandHandler(OpenOpportunityCommand)
export class OpenOpportunityHandler extends LedgerCommandHandler<OpenOpportunityCommand> {
  protected toCommand({ body }: OpenOpportunityCommand['input']): CommandRequest {
    return {
      type: 'OpenOpportunity',
      data: {
        opportunityId: body.opportunityId,
        accountId: body.accountId,
        amount: body.amount,
        currency: body.currency,
        openedAt: body.openedAt,
      },
    };
  }
}
