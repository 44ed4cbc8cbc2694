import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { IdParams } from '../commands/id-params';
import { CommandContext, type RequestContext } from '../http/request-context';
import { ResolveDisputeCommand } from './resolve-dispute.handler';
import { ResolveDisputeRequest } from './resolve-dispute.request.dto';

export const resolveDisputeRoute: CommandRoute<ResolveDisputeRequest, IdParams> = {
  path: '/v1/disputes/:id/resolution',
  summary: "Resolve a dispute; reassigns the losing partner's commissions to the winner",
  access: ['manager'],
  body: ResolveDisputeRequest,
  params: IdParams,
  command: ResolveDisputeCommand,
};

@ApiTags('disputes')
@Controller()
export class ResolveDisputeController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(resolveDisputeRoute)
  resolve(
    @Param() params: IdParams,
    @Body() body: ResolveDisputeRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new ResolveDisputeCommand({ body, params, context }));
  }
}
