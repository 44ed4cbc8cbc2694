import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import type { IdParams } from '../commands/id-params';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { LoseOpportunityRequest } from './lose-opportunity.request.dto';

export class LoseOpportunityCommand extends HttpCommand<LoseOpportunityRequest, IdParams> {}

@CommandHandler(LoseOpportunityCommand)
export class LoseOpportunityHandler extends LedgerCommandHandler<LoseOpportunityCommand> {
  protected toCommand({ body, params }: LoseOpportunityCommand['input']): CommandRequest {
    return {
      type: 'LoseOpportunity',
      data: {
        opportunityId: params.id,
        occurredAt: body.occurredAt,
      },
    };
  }
}
