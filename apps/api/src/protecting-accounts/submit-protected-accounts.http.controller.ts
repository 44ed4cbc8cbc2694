import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { IdParams } from '../commands/id-params';
import { CommandContext, type RequestContext } from '../http/request-context';
import { SubmitProtectedAccountsCommand } from './submit-protected-accounts.handler';
import { SubmitProtectedAccountsRequest } from './submit-protected-accounts.request.dto';

export const submitProtectedAccountsRoute: CommandRoute<SubmitProtectedAccountsRequest, IdParams> =
  {
    path: '/v1/partners/:id/protected-accounts',
    summary: "Submit a solution partner's quarterly list of protected accounts",
    access: ['manager'],
    body: SubmitProtectedAccountsRequest,
    params: IdParams,
    command: SubmitProtectedAccountsCommand,
  };

@ApiTags('protected accounts')
@Controller()
export class SubmitProtectedAccountsController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(submitProtectedAccountsRoute)
  submit(
    @Param() params: IdParams,
    @Body() body: SubmitProtectedAccountsRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new SubmitProtectedAccountsCommand({ body, params, context }));
  }
}
