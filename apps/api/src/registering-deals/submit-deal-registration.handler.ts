import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { SubmitDealRegistrationRequest } from './submit-deal-registration.request.dto';

export class SubmitDealRegistrationCommand extends HttpCommand<SubmitDealRegistrationRequest> {}

@CommandHandler(SubmitDealRegistrationCommand)
export class SubmitDealRegistrationHandler extends LedgerCommandHandler<SubmitDealRegistrationCommand> {
  protected toCommand({ body }: SubmitDealRegistrationCommand['input']): CommandRequest {
    return {
      type: 'SubmitDealRegistration',
      data: {
        registrationId: body.registrationId,
        partnerId: body.partnerId,
        accountId: body.accountId,
        firstContactAt: body.firstContactAt,
        submittedAt: body.submittedAt,
      },
    };
  }
}
