import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { OpenOpportunityCommand } from './open-opportunity.handler';
import { OpenOpportunityRequest } from './open-opportunity.request.dto';

export const openOpportunityRoute: CommandRoute<OpenOpportunityRequest> = {
  path: '/v1/opportunities',
  summary: 'Record an opened sales opportunity',
  access: ['ingest'],
  body: OpenOpportunityRequest,
  command: OpenOpportunityCommand,
};

@ApiTags('opportunities')
@Controller()
export class OpenOpportunityController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(openOpportunityRoute)
  open(
    @Body() body: OpenOpportunityRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new OpenOpportunityCommand({ body, params: {}, context }));
  }
}
