import type { AccountCommand, AccountEvent, CommandMetadata } from '@ledger/domain';
import { assertNever } from '@ledger/domain';

/** The account events that record what another service reported (SPEC §3 "Facts emitted by others"). */
export type AccountFact = Extract<
  AccountEvent,
  {
    type:
      | 'AccountCreatedInCrm'
      | 'TouchpointRecorded'
      | 'DirectSalesContactRecorded'
      | 'SignupRecorded'
      | 'OpportunityOpened'
      | 'OpportunityWon'
      | 'OpportunityLost'
      | 'DealRegistrationSubmitted'
      | 'PaymentRecorded'
      | 'PaymentRefunded'
      | 'CustomerChurned'
      | 'DisputeOpened'
      | 'DisputeResolved';
  }
>;

/**
 * Every account event type, marked true for a fact and false for a decision the ledger derived. A
 * record, so a new account event type fails to compile until someone says which it is.
 */
const IS_FACT: Record<AccountEvent['type'], boolean> = {
  AccountCreatedInCrm: true,
  TouchpointRecorded: true,
  DirectSalesContactRecorded: true,
  SignupRecorded: true,
  OpportunityOpened: true,
  OpportunityWon: true,
  OpportunityLost: true,
  DealRegistrationSubmitted: true,
  PaymentRecorded: true,
  PaymentRefunded: true,
  CustomerChurned: true,
  DisputeOpened: true,
  DisputeResolved: true,
  DealRegistrationAccepted: false,
  DealRegistrationRejected: false,
  DealRegistrationExpired: false,
  AttributionDecided: false,
  CommissionEarned: false,
  CommissionReversed: false,
  CommissionClawedBack: false,
  CommissionReassigned: false,
};

export function isAccountFact(event: AccountEvent): event is AccountFact {
  return IS_FACT[event.type];
}

/**
 * The command that recorded `fact`, rebuilt from the fact itself. Each account command records
 * exactly one fact, and the fact keeps every input the command's `decide` reads, so deciding this
 * command again against the same state yields the same events (the simulation's zero-difference
 * guarantee rests on this). Business times the fact does not carry in `data` are its `occurredAt`.
 */
export function commandForFact(fact: AccountFact, metadata: CommandMetadata): AccountCommand {
  const at = fact.occurredAt;
  switch (fact.type) {
    case 'AccountCreatedInCrm':
      return { type: 'CreateAccountInCrm', data: { ...fact.data }, metadata };
    case 'TouchpointRecorded':
      return { type: 'RecordTouchpoint', data: { ...fact.data, occurredAt: at }, metadata };
    case 'DirectSalesContactRecorded':
      return { type: 'RecordDirectContact', data: { ...fact.data, occurredAt: at }, metadata };
    case 'SignupRecorded':
      return { type: 'RecordSignup', data: { ...fact.data, occurredAt: at }, metadata };
    case 'OpportunityOpened':
      return { type: 'OpenOpportunity', data: { ...fact.data, openedAt: at }, metadata };
    case 'OpportunityWon': {
      const { opportunityId, accountId } = fact.data;
      return {
        type: 'WinOpportunity',
        data: { opportunityId, accountId, occurredAt: at },
        metadata,
      };
    }
    case 'OpportunityLost':
      return { type: 'LoseOpportunity', data: { ...fact.data, occurredAt: at }, metadata };
    case 'DealRegistrationSubmitted':
      return { type: 'SubmitDealRegistration', data: { ...fact.data }, metadata };
    case 'PaymentRecorded':
      return { type: 'RecordPayment', data: { ...fact.data, occurredAt: at }, metadata };
    case 'PaymentRefunded': {
      const { refundId, paymentId, accountId, amount } = fact.data;
      return {
        type: 'RecordRefund',
        data: { refundId, paymentId, accountId, amount, occurredAt: at },
        metadata,
      };
    }
    case 'CustomerChurned':
      return { type: 'RecordChurn', data: { ...fact.data, occurredAt: at }, metadata };
    case 'DisputeOpened':
      return { type: 'OpenDispute', data: { ...fact.data, openedAt: at }, metadata };
    case 'DisputeResolved': {
      const { disputeId, accountId, winnerPartnerId, note } = fact.data;
      return {
        type: 'ResolveDispute',
        data: { disputeId, accountId, winnerPartnerId, resolvedAt: at, note },
        metadata,
      };
    }
    default:
      return assertNever(fact);
  }
}
