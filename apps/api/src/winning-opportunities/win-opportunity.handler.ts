import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import type { IdParams } from '../commands/id-params';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { WinOpportunityRequest } from './win-opportunity.request.dto';

export class WinOpportunityCommand extends HttpCommand<WinOpportunityRequest, IdParams> {}

@CommandHandler(WinOpportunityCommand)
export class WinOpportunityHandler extends LedgerCommandHandler<WinOpportunityCommand> {
  protected toCommand({ body, params }: WinOpportunityCommand['input']): CommandRequest {
    return {
      type: 'WinOpportunity',
      data: {
        opportunityId: params.id,
        occurredAt: body.occurredAt,
      },
    };
  }
}
