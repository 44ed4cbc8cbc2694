import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { RecordChurnRequest } from './record-churn.request.dto';

export class RecordChurnCommand extends HttpCommand<RecordChurnRequest> {}

@CommandHandler(RecordChurnCommand)
export class RecordChurnHandler extends LedgerCommandHandler<RecordChurnCommand> {
  protected toCommand({ body }: RecordChurnCommand['input']): CommandRequest {
    return {
      type: 'RecordChurn',
      data: {
        churnId: body.churnId,
        accountId: body.accountId,
        occurredAt: body.occurredAt,
      },
    };
  }
}
