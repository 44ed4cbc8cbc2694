import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { RecordRefundCommand } from './record-refund.handler';
import { RecordRefundRequest } from './record-refund.request.dto';

export const recordRefundRoute: CommandRoute<RecordRefundRequest> = {
  path: '/v1/refunds',
  summary: 'Record a refund of a payment; reverses its commissions pro rata',
  access: ['ingest'],
  body: RecordRefundRequest,
  command: RecordRefundCommand,
};

@ApiTags('payments')
@Controller()
export class RecordRefundController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(recordRefundRoute)
  record(
    @Body() body: RecordRefundRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new RecordRefundCommand({ body, params: {}, context }));
  }
}
