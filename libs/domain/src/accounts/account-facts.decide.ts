import type {
  CreateAccountInCrm,
  LoseOpportunity,
  OpenOpportunity,
  RecordDirectContact,
  RecordSignup,
  RecordTouchpoint,
  WinOpportunity,
} from '../messages/commands';
import { type Refusal, refuse } from '../shared/decision';
import { toMs } from '../shared/time';
import type { AccountContext } from './account.context';
import { type AccountDraft, type Answer, answer, record } from './account-draft';
import { latestInstant, rejudgeAttribution } from './attribution.step';

/**
 * The facts other services report about an account (SPEC §3 "Facts emitted by others"). Each is
 * recorded as it is, then attribution is re-judged with it.
 */

export function createAccountInCrm(
  command: CreateAccountInCrm,
  draft: AccountDraft,
): Answer | Refusal {
  const { accountId, createdInCrmAt } = command.data;
  const known = draft.state.crm;
  if (known && toMs(known.at) !== toMs(createdInCrmAt)) {
    return refuse(
      'account.already_in_crm',
      `account ${accountId} was created in the CRM at ${known.at}`,
      'createdInCrmAt',
      {
        createdInCrmAt: known.at,
      },
    );
  }
  // The same creation reported again changes nothing.
  if (known) return answer({ status: 'recorded' });
  record(draft, 'AccountCreatedInCrm', createdInCrmAt, { accountId, createdInCrmAt });
  return recorded(draft, createdInCrmAt);
}

export function recordTouchpoint(
  command: RecordTouchpoint,
  draft: AccountDraft,
  context: AccountContext,
): Answer | Refusal {
  const { touchpointId, partnerId, accountId, kind, occurredAt, source } = command.data;
  const unknown = unknownPartner(context, partnerId, 'partnerId');
  if (unknown) return unknown;
  record(draft, 'TouchpointRecorded', occurredAt, {
    touchpointId,
    partnerId,
    accountId,
    kind,
    ...(source === undefined ? {} : { source }),
  });
  return recorded(draft, occurredAt);
}

export function recordDirectContact(command: RecordDirectContact, draft: AccountDraft): Answer {
  const { contactId, accountId, occurredAt } = command.data;
  record(draft, 'DirectSalesContactRecorded', occurredAt, { contactId, accountId });
  return recorded(draft, occurredAt);
}

export function recordSignup(command: RecordSignup, draft: AccountDraft): Answer | Refusal {
  const { accountId, occurredAt } = command.data;
  const known = draft.state.signup;
  if (known) {
    return refuse(
      'signup.already_recorded',
      `account ${accountId} signed up at ${known.at}`,
      'occurredAt',
      { signedUpAt: known.at },
    );
  }
  record(draft, 'SignupRecorded', occurredAt, { accountId });
  return recorded(draft, occurredAt);
}

export function openOpportunity(command: OpenOpportunity, draft: AccountDraft): Answer | Refusal {
  const { opportunityId, accountId, amount, currency, openedAt } = command.data;
  if (draft.state.opportunities.some((o) => o.opportunityId === opportunityId)) {
    return refuse(
      'opportunity.already_exists',
      `opportunity ${opportunityId} is already recorded`,
      'opportunityId',
    );
  }
  record(draft, 'OpportunityOpened', openedAt, { opportunityId, accountId, amount, currency });
  return recorded(draft, openedAt, [`opportunity:${opportunityId}`]);
}

export function closeOpportunity(
  command: WinOpportunity | LoseOpportunity,
  draft: AccountDraft,
): Answer | Refusal {
  const { opportunityId, accountId, occurredAt } = command.data;
  const opportunity = draft.state.opportunities.find((o) => o.opportunityId === opportunityId);
  if (!opportunity)
    return refuse(
      'opportunity.not_found',
      `no opportunity ${opportunityId} on account ${accountId}`,
      'opportunityId',
    );
  if (opportunity.closed) {
    return refuse(
      'opportunity.already_closed',
      `opportunity ${opportunityId} was ${opportunity.closed.outcome} at ${opportunity.closed.at}`,
      'opportunityId',
      {
        outcome: opportunity.closed.outcome,
        closedAt: opportunity.closed.at,
      },
    );
  }
  if (command.type === 'WinOpportunity') {
    record(draft, 'OpportunityWon', occurredAt, {
      opportunityId,
      accountId,
      amount: opportunity.amount,
      currency: opportunity.currency,
    });
  } else {
    record(draft, 'OpportunityLost', occurredAt, { opportunityId, accountId });
  }
  return recorded(draft, occurredAt);
}

/** `partner.not_found` unless the partner is enrolled: credit can only go to programme members. */
export function unknownPartner(
  context: AccountContext,
  partnerId: string,
  field: string,
): Refusal | null {
  if (context.partners.get(partnerId)?.enrolled) return null;
  return refuse('partner.not_found', `no enrolled partner ${partnerId}`, field);
}

function recorded(draft: AccountDraft, occurredAt: string, keys?: string[]): Answer {
  rejudgeAttribution(draft, latestInstant(draft, occurredAt), occurredAt);
  return answer({ status: 'recorded' }, keys);
}
