import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../commands/command-answer';
import { CommandEndpoint, type CommandRoute } from '../commands/command-route';
import { CommandContext, type RequestContext } from '../http/request-context';
import { ReviewProtectedAccountsCommand } from './review-protected-accounts.handler';
import { ReviewProtectedAccountsRequest } from './review-protected-accounts.request.dto';

export const reviewProtectedAccountsRoute: CommandRoute<ReviewProtectedAccountsRequest> = {
  path: '/v1/protected-accounts/reviews',
  summary: 'Run the quarterly review: revoke protection of accounts without pipeline movement',
  access: ['manager'],
  body: ReviewProtectedAccountsRequest,
  command: ReviewProtectedAccountsCommand,
};

@ApiTags('protected accounts')
@Controller()
export class ReviewProtectedAccountsController {
  constructor(private readonly commands: CommandBus) {}

  @CommandEndpoint(reviewProtectedAccountsRoute)
  review(
    @Body() body: ReviewProtectedAccountsRequest,
    @CommandContext() context: RequestContext,
  ): Promise<CommandAnswer> {
    return this.commands.execute(new ReviewProtectedAccountsCommand({ body, params: {}, context }));
  }
}
