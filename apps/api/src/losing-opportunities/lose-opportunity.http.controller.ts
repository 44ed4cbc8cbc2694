import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { IdParams } from '../commands/id-params';
import { CommandContext, type RequestContext } from '../http/request-context';
import { LoseOpportunityCommand } from './lose-opportunity.handler';
import { LoseOpportunityRequest } from './lose-opportunity.request.dto';

export const loseOpportunityRoute: CommandRoute<LoseOpportunityRequest, IdParams> = {
  path: '/v1/opportunities/:id/lost',
  summary: 'Record that an opportunity was lost',
  access: ['ingest'],
  body: LoseOpportunityRequest,
  params: IdParams,
  command: LoseOpportunityCommand,
};

@ApiTags('opportunities')
@Controller()
export class LoseOpportunityController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(loseOpportunityRoute)
  lose(
    @Param() params: IdParams,
    @Body() body: LoseOpportunityRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new LoseOpportunityCommand({ body, params, context }));
  }
}
