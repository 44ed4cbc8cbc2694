import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { RecordPaymentRequest } from './record-payment.request.dto';

export class RecordPaymentCommand extends HttpCommand<RecordPaymentRequest> {}

@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler extends LedgerCommandHandler<RecordPaymentCommand> {
  protected toCommand({ body }: RecordPaymentCommand['input']): CommandRequest {
    return {
      type: 'RecordPayment',
      data: {
        paymentId: body.paymentId,
        accountId: body.accountId,
        amount: body.amount,
        currency: body.currency,
        revenueModel: body.revenueModel,
        occurredAt: body.occurredAt,
        costOfRevenue: body.costOfRevenue,
      },
    };
  }
}
