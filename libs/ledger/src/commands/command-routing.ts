import type { LedgerCommand } from '@ledger/domain';
import type { AggregateName } from './aggregates';

export type CommandType = LedgerCommand['type'];
export type CommandOf<T extends CommandType> = Extract<LedgerCommand, { type: T }>;

/** Commands that name only a payment, opportunity or dispute; the account is found by lookup key. */
export type LocatedCommandType =
  'RecordRefund' | 'WinOpportunity' | 'LoseOpportunity' | 'ResolveDispute';

/**
 * A command as a caller hands it over: type and data, without the metadata the ledger derives
 * (the command id), and without the account id of commands whose account is looked up.
 * A full `LedgerCommand` is accepted too; a looked-up account replaces any `accountId` it carries.
 */
export type CommandRequest = {
  [T in CommandType]: T extends LocatedCommandType
    ? { type: T; data: Omit<CommandOf<T>['data'], 'accountId'> & { accountId?: string } }
    : { type: T; data: CommandOf<T>['data'] };
}[CommandType];

export interface Lookup<D> {
  /** The unique key the stream claimed with its events (`payment:pay_1`). */
  key(data: D): string;
  /** The refusal when nobody claimed it: a `.not_found` code, answered as 404. */
  notFound: { code: string; field: string; noun: string };
}

export interface Routing<T extends CommandType> {
  aggregate: AggregateName;
  /**
   * The natural id that makes the command idempotent; the command id is `<type>:<naturalId>`.
   * Ids a client chooses under a partner (a tier change, a violation) are scoped by the partner, so
   * two partners' `c1` never collide; `/` cannot occur in an id, so the pair is unambiguous.
   */
  naturalId(data: Extract<CommandRequest, { type: T }>['data']): string;
  locate?: Lookup<Extract<CommandRequest, { type: T }>['data']>;
}

const paymentLookup: Lookup<{ paymentId: string }> = {
  key: (d) => `payment:${d.paymentId}`,
  notFound: { code: 'payment.not_found', field: 'paymentId', noun: 'payment' },
};
const opportunityLookup: Lookup<{ opportunityId: string }> = {
  key: (d) => `opportunity:${d.opportunityId}`,
  notFound: { code: 'opportunity.not_found', field: 'opportunityId', noun: 'opportunity' },
};
const disputeLookup: Lookup<{ disputeId: string }> = {
  key: (d) => `dispute:${d.disputeId}`,
  notFound: { code: 'dispute.not_found', field: 'disputeId', noun: 'dispute' },
};

/** Where every command goes. Adding a command type without a row here fails to compile. */
export const ROUTING: { [T in CommandType]: Routing<T> } = {
  EnrollPartner: { aggregate: 'partner', naturalId: (d) => d.partnerId },
  ChangePartnerTier: { aggregate: 'partner', naturalId: (d) => `${d.partnerId}/${d.changeId}` },
  MarkPartnerOnboarded: { aggregate: 'partner', naturalId: (d) => d.partnerId },
  RecordPricingViolation: {
    aggregate: 'partner',
    naturalId: (d) => `${d.partnerId}/${d.violationId}`,
  },
  ReleaseCommissions: { aggregate: 'partner', naturalId: (d) => `${d.partnerId}/${d.releaseId}` },
  SubmitProtectedAccounts: {
    aggregate: 'protection',
    naturalId: (d) => `${d.partnerId}/${d.submissionId}`,
  },
  ReviewProtectedAccounts: { aggregate: 'protection', naturalId: (d) => d.reviewId },
  CreateAccountInCrm: { aggregate: 'account', naturalId: (d) => d.accountId },
  RecordTouchpoint: { aggregate: 'account', naturalId: (d) => d.touchpointId },
  RecordDirectContact: { aggregate: 'account', naturalId: (d) => d.contactId },
  RecordSignup: { aggregate: 'account', naturalId: (d) => d.accountId },
  OpenOpportunity: { aggregate: 'account', naturalId: (d) => d.opportunityId },
  WinOpportunity: {
    aggregate: 'account',
    naturalId: (d) => d.opportunityId,
    locate: opportunityLookup,
  },
  LoseOpportunity: {
    aggregate: 'account',
    naturalId: (d) => d.opportunityId,
    locate: opportunityLookup,
  },
  SubmitDealRegistration: { aggregate: 'account', naturalId: (d) => d.registrationId },
  RecordPayment: { aggregate: 'account', naturalId: (d) => d.paymentId },
  RecordRefund: { aggregate: 'account', naturalId: (d) => d.refundId, locate: paymentLookup },
  RecordChurn: { aggregate: 'account', naturalId: (d) => d.churnId },
  OpenDispute: { aggregate: 'account', naturalId: (d) => d.disputeId },
  ResolveDispute: { aggregate: 'account', naturalId: (d) => d.disputeId, locate: disputeLookup },
  PublishCommissionPlan: { aggregate: 'plans', naturalId: (d) => `${d.planId}@${d.version}` },
};

export function routingOf<T extends CommandType>(type: T): Routing<T> {
  return ROUTING[type];
}
