import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { EnrollPartnerCommand } from './enroll-partner.handler';
import { EnrollPartnerRequest } from './enroll-partner.request.dto';

export const enrollPartnerRoute: CommandRoute<EnrollPartnerRequest> = {
  path: '/v1/partners',
  summary: 'Enroll a partner in the programme',
  access: ['manager'],
  body: EnrollPartnerRequest,
  command: EnrollPartnerCommand,
};

@ApiTags('partners')
@Controller()
export class EnrollPartnerController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(enrollPartnerRoute)
  enroll(
    @Body() body: EnrollPartnerRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new EnrollPartnerCommand({ body, params: {}, context }));
  }
}
