import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { IdParams } from '../commands/id-params';
import { CommandContext, type RequestContext } from '../http/request-context';
import { RecordPricingViolationCommand } from './record-pricing-violation.handler';
import { RecordPricingViolationRequest } from './record-pricing-violation.request.dto';

export const recordPricingViolationRoute: CommandRoute<RecordPricingViolationRequest, IdParams> = {
  path: '/v1/partners/:id/pricing-violations',
  summary: 'Record a pricing (MAP) violation: warn, then hold, then remove',
  access: ['manager'],
  body: RecordPricingViolationRequest,
  params: IdParams,
  command: RecordPricingViolationCommand,
};

@ApiTags('partners')
@Controller()
export class RecordPricingViolationController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(recordPricingViolationRoute)
  record(
    @Param() params: IdParams,
    @Body() body: RecordPricingViolationRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new RecordPricingViolationCommand({ body, params, context }));
  }
}
