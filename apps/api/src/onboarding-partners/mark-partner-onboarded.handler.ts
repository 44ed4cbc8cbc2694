import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import type { IdParams } from '../commands/id-params';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { MarkPartnerOnboardedRequest } from './mark-partner-onboarded.request.dto';

export class MarkPartnerOnboardedCommand extends HttpCommand<
  MarkPartnerOnboardedRequest,
  IdParams
> {}

@CommandHandler(MarkPartnerOnboardedCommand)
export class MarkPartnerOnboardedHandler extends LedgerCommandHandler<MarkPartnerOnboardedCommand> {
  protected toCommand({ body, params }: MarkPartnerOnboardedCommand['input']): CommandRequest {
    return {
      type: 'MarkPartnerOnboarded',
      data: {
        partnerId: params.id,
        occurredAt: body.occurredAt,
      },
    };
  }
}
