import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { CreateAccountCommand } from './create-account.handler';
import { CreateAccountRequest } from './create-account.request.dto';

export const createAccountRoute: CommandRoute<CreateAccountRequest> = {
  path: '/v1/accounts',
  summary: 'Record that an account was created in the CRM',
  access: ['ingest'],
  body: CreateAccountRequest,
  command: CreateAccountCommand,
};

@ApiTags('accounts')
@Controller()
export class CreateAccountController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(createAccountRoute)
  create(
    @Body() body: CreateAccountRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new CreateAccountCommand({ body, params: {}, context }));
  }
}
