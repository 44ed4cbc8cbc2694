import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { RecordTouchpointRequest } from './record-touchpoint.request.dto';

export class RecordTouchpointCommand extends HttpCommand<RecordTouchpointRequest> {}

@CommandHandler(RecordTouchpointCommand)
export class RecordTouchpointHandler extends LedgerCommandHandler<RecordTouchpointCommand> {
  protected toCommand({ body }: RecordTouchpointCommand['input']): CommandRequest {
    return {
      type: 'RecordTouchpoint',
      data: {
        touchpointId: body.touchpointId,
        partnerId: body.partnerId,
        accountId: body.accountId,
        kind: body.kind,
        occurredAt: body.occurredAt,
        source: body.source,
      },
    };
  }
}
