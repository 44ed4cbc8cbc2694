import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { PublishCommissionPlanCommand } from './publish-commission-plan.handler';
import { PublishCommissionPlanRequest } from './publish-commission-plan.request.dto';

export const publishCommissionPlanRoute: CommandRoute<PublishCommissionPlanRequest> = {
  path: '/v1/plans',
  summary: 'Publish a commission plan version',
  access: ['finance'],
  body: PublishCommissionPlanRequest,
  command: PublishCommissionPlanCommand,
};

@ApiTags('plans')
@Controller()
export class PublishCommissionPlanController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(publishCommissionPlanRoute)
  publish(
    @Body() body: PublishCommissionPlanRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new PublishCommissionPlanCommand({ body, params: {}, context }));
  }
}
