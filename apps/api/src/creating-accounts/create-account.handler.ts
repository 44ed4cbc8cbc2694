import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { CreateAccountRequest } from './create-account.request.dto';

export class CreateAccountCommand extends HttpCommand<CreateAccountRequest> {}

@CommandHandler(CreateAccountCommand)
export class CreateAccountHandler extends LedgerCommandHandler<CreateAccountCommand> {
  protected toCommand({ body }: CreateAccountCommand['input']): CommandRequest {
    return {
      type: 'CreateAccountInCrm',
      data: {
        accountId: body.accountId,
        createdInCrmAt: body.createdInCrmAt,
      },
    };
  }
}
