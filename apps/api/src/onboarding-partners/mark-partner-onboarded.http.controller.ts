import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { IdParams } from '../commands/id-params';
import { CommandContext, type RequestContext } from '../http/request-context';
import { MarkPartnerOnboardedCommand } from './mark-partner-onboarded.handler';
import { MarkPartnerOnboardedRequest } from './mark-partner-onboarded.request.dto';

export const markPartnerOnboardedRoute: CommandRoute<MarkPartnerOnboardedRequest, IdParams> = {
  path: '/v1/partners/:id/onboarded',
  summary: 'Record that a partner finished onboarding',
  access: ['manager'],
  body: MarkPartnerOnboardedRequest,
  params: IdParams,
  command: MarkPartnerOnboardedCommand,
};

@ApiTags('partners')
@Controller()
export class MarkPartnerOnboardedController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(markPartnerOnboardedRoute)
  markOnboarded(
    @Param() params: IdParams,
    @Body() body: MarkPartnerOnboardedRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new MarkPartnerOnboardedCommand({ body, params, context }));
  }
}
