import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import type { IdParams } from '../commands/id-params';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { ChangePartnerTierRequest } from './change-partner-tier.request.dto';

export class ChangePartnerTierCommand extends HttpCommand<ChangePartnerTierRequest, IdParams> {}

@CommandHandler(ChangePartnerTierCommand)
export class ChangePartnerTierHandler extends LedgerCommandHandler<ChangePartnerTierCommand> {
  protected toCommand({ body, params }: ChangePartnerTierCommand['input']): CommandRequest {
    return {
      type: 'ChangePartnerTier',
      data: {
        partnerId: params.id,
        changeId: body.changeId,
        tier: body.tier,
        effectiveAt: body.effectiveAt,
        reason: body.reason,
      },
    };
  }
}
