import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import type { IdParams } from '../commands/id-params';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { RecordPricingViolationRequest } from './record-pricing-violation.request.dto';

export class RecordPricingViolationCommand extends HttpCommand<
  RecordPricingViolationRequest,
  IdParams
> {}

@CommandHandler(RecordPricingViolationCommand)
export class RecordPricingViolationHandler extends LedgerCommandHandler<RecordPricingViolationCommand> {
  protected toCommand({ body, params }: RecordPricingViolationCommand['input']): CommandRequest {
    return {
      type: 'RecordPricingViolation',
      data: {
        partnerId: params.id,
        violationId: body.violationId,
        occurredAt: body.occurredAt,
        detail: body.detail,
      },
    };
  }
}
