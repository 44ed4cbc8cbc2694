import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { RecordRefundRequest } from './record-refund.request.dto';

export class RecordRefundCommand extends HttpCommand<RecordRefundRequest> {}

@CommandHandler(RecordRefundCommand)
export class RecordRefundHandler extends LedgerCommandHandler<RecordRefundCommand> {
  protected toCommand({ body }: RecordRefundCommand['input']): CommandRequest {
    return {
      type: 'RecordRefund',
      data: {
        refundId: body.refundId,
        paymentId: body.paymentId,
        amount: body.amount,
        occurredAt: body.occurredAt,
      },
    };
  }
}
