import type { AccountCommand } from '../messages/commands';
import { type Decision, type Refusal, accept, assertNever } from '../shared/decision';
import { eventIdSequence } from '../shared/ids';
import type { AccountContext } from './account.context';
import type { AccountState } from './account.state';
import { type AccountDraft, type Answer, startDraft } from './account-draft';
import {
  closeOpportunity,
  createAccountInCrm,
  openOpportunity,
  recordDirectContact,
  recordSignup,
  recordTouchpoint,
} from './account-facts.decide';
import { recordExpiries, submitDealRegistration } from './deal-registration.decide';
import { openDispute, resolveDispute } from './dispute.decide';
import { recordPayment } from './payment.decide';
import { recordChurn, recordRefund } from './refund-and-churn.decide';

/**
 * Decides one command about an account. Registrations that lapsed by the command's business time
 * are expired first (so every rule sees them lapsed), then the use case records its fact and what
 * the rules derive from it. A refusal records nothing, not even the expiries.
 */
export function decideAccount(
  command: AccountCommand,
  state: AccountState,
  context: AccountContext,
): Decision {
  const nextEventId = eventIdSequence(command.metadata.commandId);
  const draft = startDraft(state, nextEventId);
  recordExpiries(draft, businessTimeOf(command));
  const result = decideUseCase(command, draft, context);
  if (result.kind === 'refused') return result;
  return accept(draft.events, result.reply, result.keys);
}

function decideUseCase(
  command: AccountCommand,
  draft: AccountDraft,
  context: AccountContext,
): Answer | Refusal {
  switch (command.type) {
    case 'CreateAccountInCrm':
      return createAccountInCrm(command, draft);
    case 'RecordTouchpoint':
      return recordTouchpoint(command, draft, context);
    case 'RecordDirectContact':
      return recordDirectContact(command, draft);
    case 'RecordSignup':
      return recordSignup(command, draft);
    case 'OpenOpportunity':
      return openOpportunity(command, draft);
    case 'WinOpportunity':
    case 'LoseOpportunity':
      return closeOpportunity(command, draft);
    case 'SubmitDealRegistration':
      return submitDealRegistration(command, draft, context);
    case 'RecordPayment':
      return recordPayment(command, draft, context);
    case 'RecordRefund':
      return recordRefund(command, draft);
    case 'RecordChurn':
      return recordChurn(command, draft);
    case 'OpenDispute':
      return openDispute(command, draft, context);
    case 'ResolveDispute':
      return resolveDispute(command, draft, context);
    default:
      return assertNever(command);
  }
}

/** The business time a command happens at: registrations lapse relative to it. */
export function businessTimeOf(command: AccountCommand): string {
  switch (command.type) {
    case 'CreateAccountInCrm':
      return command.data.createdInCrmAt;
    case 'OpenOpportunity':
      return command.data.openedAt;
    case 'SubmitDealRegistration':
      return command.data.submittedAt;
    case 'OpenDispute':
      return command.data.openedAt;
    case 'ResolveDispute':
      return command.data.resolvedAt;
    case 'RecordTouchpoint':
    case 'RecordDirectContact':
    case 'RecordSignup':
    case 'WinOpportunity':
    case 'LoseOpportunity':
    case 'RecordPayment':
    case 'RecordRefund':
    case 'RecordChurn':
      return command.data.occurredAt;
    default:
      return assertNever(command);
  }
}
