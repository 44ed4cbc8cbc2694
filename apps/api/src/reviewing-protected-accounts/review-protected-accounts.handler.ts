import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { ReviewProtectedAccountsRequest } from './review-protected-accounts.request.dto';

export class ReviewProtectedAccountsCommand extends HttpCommand<ReviewProtectedAccountsRequest> {}

@CommandHandler(ReviewProtectedAccountsCommand)
export class ReviewProtectedAccountsHandler extends LedgerCommandHandler<ReviewProtectedAccountsCommand> {
  protected toCommand({ body }: ReviewProtectedAccountsCommand['input']): CommandRequest {
    return {
      type: 'ReviewProtectedAccounts',
      data: {
        reviewId: body.reviewId,
        quarter: body.quarter,
      },
    };
  }
}
