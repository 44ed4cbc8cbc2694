import { CommandHandler } from '@nestjs/cqrs';
import type { CommandRequest } from '@ledger/core';
import { HttpCommand } from '../commands/http-command';
import type { IdParams } from '../commands/id-params';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import type { SubmitProtectedAccountsRequest } from './submit-protected-accounts.request.dto';

export class SubmitProtectedAccountsCommand extends HttpCommand<
  SubmitProtectedAccountsRequest,
  IdParams
> {}

/**
 * SPEC §5's body has no submission time, so a submission without `submittedAt` is dated when the
 * ledger receives it. That receive time is left out of the idempotency hash: a re-delivery of the
 * same body a minute later is the same command, not a conflicting one.
 */
@CommandHandler(SubmitProtectedAccountsCommand)
export class SubmitProtectedAccountsHandler extends LedgerCommandHandler<SubmitProtectedAccountsCommand> {
  protected toCommand({ body, params }: SubmitProtectedAccountsCommand['input']): CommandRequest {
    return {
      type: 'SubmitProtectedAccounts',
      data: {
        partnerId: params.id,
        submissionId: body.submissionId,
        quarter: body.quarter,
        accountIds: body.accountIds,
        submittedAt: body.submittedAt ?? new Date().toISOString(),
      },
    };
  }

  protected override hashedInput({
    body,
    params,
  }: SubmitProtectedAccountsCommand['input']): unknown {
    return {
      partnerId: params.id,
      submissionId: body.submissionId,
      quarter: body.quarter,
      accountIds: body.accountIds,
      submittedAt: body.submittedAt,
    };
  }
}
