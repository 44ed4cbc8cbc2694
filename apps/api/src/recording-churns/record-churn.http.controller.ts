import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { RecordChurnCommand } from './record-churn.handler';
import { RecordChurnRequest } from './record-churn.request.dto';

export const recordChurnRoute: CommandRoute<RecordChurnRequest> = {
  path: '/v1/churns',
  summary: 'Record that a customer churned; claws back commissions inside the window',
  access: ['ingest'],
  body: RecordChurnRequest,
  command: RecordChurnCommand,
};

@ApiTags('payments')
@Controller()
export class RecordChurnController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(recordChurnRoute)
  record(
    @Body() body: RecordChurnRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new RecordChurnCommand({ body, params: {}, context }));
  }
}
