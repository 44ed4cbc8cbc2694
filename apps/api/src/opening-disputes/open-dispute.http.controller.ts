import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { OpenDisputeCommand } from './open-dispute.handler';
import { OpenDisputeRequest } from './open-dispute.request.dto';

export const openDisputeRoute: CommandRoute<OpenDisputeRequest> = {
  path: '/v1/disputes',
  summary: 'Open a dispute about who sourced an account',
  access: ['manager'],
  body: OpenDisputeRequest,
  command: OpenDisputeCommand,
};

@ApiTags('disputes')
@Controller()
export class OpenDisputeController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(openDisputeRoute)
  open(
    @Body() body: OpenDisputeRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new OpenDisputeCommand({ body, params: {}, context }));
  }
}
