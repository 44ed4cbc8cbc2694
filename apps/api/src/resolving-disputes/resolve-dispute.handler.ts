import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import type { IdParams } from '../commands/id-params';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { ResolveDisputeRequest } from './resolve-dispute.request.dto';

export class ResolveDisputeCommand extends HttpCommand<ResolveDisputeRequest, IdParams> {}

@CommandHandler(ResolveDisputeCommand)
export class ResolveDisputeHandler extends LedgerCommandHandler<ResolveDisputeCommand> {
  protected toCommand({ body, params }: ResolveDisputeCommand['input']): CommandRequest {
    return {
      type: 'ResolveDispute',
      data: {
        disputeId: params.id,
        winnerPartnerId: body.winnerPartnerId,
        resolvedAt: body.resolvedAt,
        note: body.note,
      },
    };
  }
}
