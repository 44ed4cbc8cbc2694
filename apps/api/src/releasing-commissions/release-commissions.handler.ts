import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import type { IdParams } from '../commands/id-params';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { ReleaseCommissionsRequest } from './release-commissions.request.dto';

export class ReleaseCommissionsCommand extends HttpCommand<ReleaseCommissionsRequest, IdParams> {}

@CommandHandler(ReleaseCommissionsCommand)
export class ReleaseCommissionsHandler extends LedgerCommandHandler<ReleaseCommissionsCommand> {
  protected toCommand({ body, params }: ReleaseCommissionsCommand['input']): CommandRequest {
    return {
      type: 'ReleaseCommissions',
      data: {
        partnerId: params.id,
        releaseId: body.releaseId,
        occurredAt: body.occurredAt,
        reason: body.reason,
      },
    };
  }
}
