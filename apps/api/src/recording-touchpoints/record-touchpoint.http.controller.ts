import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { RecordTouchpointCommand } from './record-touchpoint.handler';
import { RecordTouchpointRequest } from './record-touchpoint.request.dto';

export const recordTouchpointRoute: CommandRoute<RecordTouchpointRequest> = {
  path: '/v1/touchpoints',
  summary: 'Record a partner touchpoint (introduction or contribution)',
  access: ['ingest'],
  body: RecordTouchpointRequest,
  command: RecordTouchpointCommand,
};

@ApiTags('accounts')
@Controller()
export class RecordTouchpointController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(recordTouchpointRoute)
  record(
    @Body() body: RecordTouchpointRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new RecordTouchpointCommand({ body, params: {}, context }));
  }
}
