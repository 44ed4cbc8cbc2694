import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { IdParams } from '../commands/id-params';
import { CommandContext, type RequestContext } from '../http/request-context';
import { ChangePartnerTierCommand } from './change-partner-tier.handler';
import { ChangePartnerTierRequest } from './change-partner-tier.request.dto';

export const changePartnerTierRoute: CommandRoute<ChangePartnerTierRequest, IdParams> = {
  path: '/v1/partners/:id/tier',
  summary: "Change a partner's tier from a business time on",
  access: ['manager'],
  body: ChangePartnerTierRequest,
  params: IdParams,
  command: ChangePartnerTierCommand,
};

@ApiTags('partners')
@Controller()
export class ChangePartnerTierController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(changePartnerTierRoute)
  change(
    @Param() params: IdParams,
    @Body() body: ChangePartnerTierRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new ChangePartnerTierCommand({ body, params, context }));
  }
}
