import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { RecordSignupCommand } from './record-signup.handler';
import { RecordSignupRequest } from './record-signup.request.dto';

export const recordSignupRoute: CommandRoute<RecordSignupRequest> = {
  path: '/v1/signups',
  summary: "Record an account's signup",
  access: ['ingest'],
  body: RecordSignupRequest,
  command: RecordSignupCommand,
};

@ApiTags('accounts')
@Controller()
export class RecordSignupController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(recordSignupRoute)
  record(
    @Body() body: RecordSignupRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new RecordSignupCommand({ body, params: {}, context }));
  }
}
