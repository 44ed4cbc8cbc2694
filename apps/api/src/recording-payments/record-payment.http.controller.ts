import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { RecordPaymentCommand } from './record-payment.handler';
import { RecordPaymentRequest } from './record-payment.request.dto';

export const recordPaymentRoute: CommandRoute<RecordPaymentRequest> = {
  path: '/v1/payments',
  summary: 'Record a customer payment; answers the commissions it earned',
  access: ['ingest'],
  body: RecordPaymentRequest,
  command: RecordPaymentCommand,
};

@ApiTags('payments')
@Controller()
export class RecordPaymentController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(recordPaymentRoute)
  record(
    @Body() body: RecordPaymentRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new RecordPaymentCommand({ body, params: {}, context }));
  }
}
