import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { EnrollPartnerRequest } from './enroll-partner.request.dto';

export class EnrollPartnerCommand extends HttpCommand<EnrollPartnerRequest> {}

@CommandHandler(EnrollPartnerCommand)
export class EnrollPartnerHandler extends LedgerCommandHandler<EnrollPartnerCommand> {
  protected toCommand({ body }: EnrollPartnerCommand['input']): CommandRequest {
    return {
      type: 'EnrollPartner',
      data: {
        partnerId: body.partnerId,
        name: body.name,
        tier: body.tier,
        enrolledAt: body.enrolledAt,
      },
    };
  }
}
