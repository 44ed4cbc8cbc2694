import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { IdParams } from '../commands/id-params';
import { CommandContext, type RequestContext } from '../http/request-context';
import { ReleaseCommissionsCommand } from './release-commissions.handler';
import { ReleaseCommissionsRequest } from './release-commissions.request.dto';

export const releaseCommissionsRoute: CommandRoute<ReleaseCommissionsRequest, IdParams> = {
  path: '/v1/partners/:id/commission-releases',
  summary: "Release a hold on a partner's commissions",
  access: ['manager'],
  body: ReleaseCommissionsRequest,
  params: IdParams,
  command: ReleaseCommissionsCommand,
};

@ApiTags('partners')
@Controller()
export class ReleaseCommissionsController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(releaseCommissionsRoute)
  release(
    @Param() params: IdParams,
    @Body() body: ReleaseCommissionsRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new ReleaseCommissionsCommand({ body, params, context }));
  }
}
