import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { IdParams } from '../commands/id-params';
import { CommandContext, type RequestContext } from '../http/request-context';
import { WinOpportunityCommand } from './win-opportunity.handler';
import { WinOpportunityRequest } from './win-opportunity.request.dto';

export const winOpportunityRoute: CommandRoute<WinOpportunityRequest, IdParams> = {
  path: '/v1/opportunities/:id/won',
  summary: 'Record that an opportunity was won',
  access: ['ingest'],
  body: WinOpportunityRequest,
  params: IdParams,
  command: WinOpportunityCommand,
};

@ApiTags('opportunities')
@Controller()
export class WinOpportunityController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(winOpportunityRoute)
  win(
    @Param() params: IdParams,
    @Body() body: WinOpportunityRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new WinOpportunityCommand({ body, params, context }));
  }
}
