import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { OpenDisputeRequest } from './open-dispute.request.dto';

export class OpenDisputeCommand extends HttpCommand<OpenDisputeRequest> {}

@CommandHandler(OpenDisputeCommand)
export class OpenDisputeHandler extends LedgerCommandHandler<OpenDisputeCommand> {
  protected toCommand({ body }: OpenDisputeCommand['input']): CommandRequest {
    return {
      type: 'OpenDispute',
      data: {
        disputeId: body.disputeId,
        accountId: body.accountId,
        claimantPartnerId: body.claimantPartnerId,
        openedAt: body.openedAt,
        reason: body.reason,
      },
    };
  }
}
