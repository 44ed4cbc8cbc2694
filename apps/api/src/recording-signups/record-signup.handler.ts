import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { RecordSignupRequest } from './record-signup.request.dto';

export class RecordSignupCommand extends HttpCommand<RecordSignupRequest> {}

@CommandHandler(RecordSignupCommand)
export class RecordSignupHandler extends LedgerCommandHandler<RecordSignupCommand> {
  protected toCommand({ body }: RecordSignupCommand['input']): CommandRequest {
    return {
      type: 'RecordSignup',
      data: {
        accountId: body.accountId,
        occurredAt: body.occurredAt,
      },
    };
  }
}
