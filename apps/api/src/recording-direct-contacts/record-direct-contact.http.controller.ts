import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { RecordDirectContactCommand } from './record-direct-contact.handler';
import { RecordDirectContactRequest } from './record-direct-contact.request.dto';

export const recordDirectContactRoute: CommandRoute<RecordDirectContactRequest> = {
  path: '/v1/direct-contacts',
  summary: 'Record a direct-sales contact with an account',
  access: ['ingest'],
  body: RecordDirectContactRequest,
  command: RecordDirectContactCommand,
};

@ApiTags('accounts')
@Controller()
export class RecordDirectContactController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(recordDirectContactRoute)
  record(
    @Body() body: RecordDirectContactRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new RecordDirectContactCommand({ body, params: {}, context }));
  }
}
