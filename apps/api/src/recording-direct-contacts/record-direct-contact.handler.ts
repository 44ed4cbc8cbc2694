import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { RecordDirectContactRequest } from './record-direct-contact.request.dto';

export class RecordDirectContactCommand extends HttpCommand<RecordDirectContactRequest> {}

@CommandHandler(RecordDirectContactCommand)
export class RecordDirectContactHandler extends LedgerCommandHandler<RecordDirectContactCommand> {
  protected toCommand({ body }: RecordDirectContactCommand['input']): CommandRequest {
    return {
      type: 'RecordDirectContact',
      data: {
        contactId: body.contactId,
        accountId: body.accountId,
        occurredAt: body.occurredAt,
      },
    };
  }
}
