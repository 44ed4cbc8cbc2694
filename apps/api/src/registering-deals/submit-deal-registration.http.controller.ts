import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { SubmitDealRegistrationCommand } from './submit-deal-registration.handler';
import { SubmitDealRegistrationRequest } from './submit-deal-registration.request.dto';

export const submitDealRegistrationRoute: CommandRoute<SubmitDealRegistrationRequest> = {
  path: '/v1/deal-registrations',
  summary: 'Submit a deal registration; answers accepted or rejected with the reason',
  access: ['ingest', 'manager'],
  body: SubmitDealRegistrationRequest,
  command: SubmitDealRegistrationCommand,
};

@ApiTags('deal registrations')
@Controller()
export class SubmitDealRegistrationController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(submitDealRegistrationRoute)
  submit(
    @Body() body: SubmitDealRegistrationRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new SubmitDealRegistrationCommand({ body, params: {}, context }));
  }
}
