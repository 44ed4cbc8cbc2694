/**
 * Commands: what internal services, partner managers and finance ask the ledger to record.
 * Imperative names; `data` mirrors the HTTP body of SPEC §5 after validation and normalisation
 * (timestamps are ISO-8601 UTC with milliseconds, `2026-03-01T10:00:00.000Z`; money is a decimal
 * string with no more decimals than the currency's minor unit; currency is an ISO 4217 code).
 */
import type { Tier, RevenueModel, TouchpointKind, RateTable, CommissionBasisKind } from './vocabulary';

/** Who sent a command and which id makes it idempotent (`RecordPayment:pay_1`). */
export interface CommandMetadata {
  commandId: string;
  actor?: string;
}

interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

export type EnrollPartner = Command<'EnrollPartner', { partnerId: string; name: string; tier: Tier; enrolledAt: string }>;
export type ChangePartnerTier = Command<
  'ChangePartnerTier',
  { partnerId: string; changeId: string; tier: Tier; effectiveAt: string; reason: string }
>;
export type MarkPartnerOnboarded = Command<'MarkPartnerOnboarded', { partnerId: string; occurredAt: string }>;
export type RecordPricingViolation = Command<
  'RecordPricingViolation',
  { partnerId: string; violationId: string; occurredAt: string; detail: string }
>;
/** Lifts a hold placed by the second pricing violation (manager decision; not in SPEC §5 table). */
export type ReleaseCommissions = Command<
  'ReleaseCommissions',
  { partnerId: string; releaseId: string; occurredAt: string; reason: string }
>;
export type SubmitProtectedAccounts = Command<
  'SubmitProtectedAccounts',
  { partnerId: string; submissionId: string; quarter: string; accountIds: string[]; submittedAt: string }
>;
/** The quarterly review: revokes protection of accounts with no pipeline movement in the quarter. */
export type ReviewProtectedAccounts = Command<'ReviewProtectedAccounts', { reviewId: string; quarter: string }>;

export type CreateAccountInCrm = Command<'CreateAccountInCrm', { accountId: string; createdInCrmAt: string }>;
export type RecordTouchpoint = Command<
  'RecordTouchpoint',
  { touchpointId: string; partnerId: string; accountId: string; kind: TouchpointKind; occurredAt: string; source?: string }
>;
export type RecordDirectContact = Command<'RecordDirectContact', { contactId: string; accountId: string; occurredAt: string }>;
export type RecordSignup = Command<'RecordSignup', { accountId: string; occurredAt: string }>;
export type OpenOpportunity = Command<
  'OpenOpportunity',
  { opportunityId: string; accountId: string; amount: string; currency: string; openedAt: string }
>;
export type WinOpportunity = Command<'WinOpportunity', { opportunityId: string; accountId: string; occurredAt: string }>;
export type LoseOpportunity = Command<'LoseOpportunity', { opportunityId: string; accountId: string; occurredAt: string }>;
export type SubmitDealRegistration = Command<
  'SubmitDealRegistration',
  { registrationId: string; partnerId: string; accountId: string; firstContactAt: string; submittedAt: string }
>;
export type RecordPayment = Command<
  'RecordPayment',
  {
    paymentId: string;
    accountId: string;
    amount: string;
    currency: string;
    revenueModel: RevenueModel;
    occurredAt: string;
    costOfRevenue?: string;
  }
>;
/** `accountId` is looked up from the payment id by the handler before deciding. */
export type RecordRefund = Command<
  'RecordRefund',
  { refundId: string; paymentId: string; accountId: string; amount: string; occurredAt: string }
>;
export type RecordChurn = Command<'RecordChurn', { churnId: string; accountId: string; occurredAt: string }>;
export type OpenDispute = Command<
  'OpenDispute',
  { disputeId: string; accountId: string; claimantPartnerId: string; openedAt: string; reason: string }
>;
/** `accountId` is looked up from the dispute id by the handler before deciding. */
export type ResolveDispute = Command<
  'ResolveDispute',
  { disputeId: string; accountId: string; winnerPartnerId: string; resolvedAt: string; note: string }
>;
export type PublishCommissionPlan = Command<
  'PublishCommissionPlan',
  { planId: string; version: number; effectiveFrom: string; rates: RateTable; influencedFactor: string; basis: CommissionBasisKind }
>;

export type PartnerCommand =
  | EnrollPartner
  | ChangePartnerTier
  | MarkPartnerOnboarded
  | RecordPricingViolation
  | ReleaseCommissions;
export type ProtectionCommand = SubmitProtectedAccounts | ReviewProtectedAccounts;
export type AccountCommand =
  | CreateAccountInCrm
  | RecordTouchpoint
  | RecordDirectContact
  | RecordSignup
  | OpenOpportunity
  | WinOpportunity
  | LoseOpportunity
  | SubmitDealRegistration
  | RecordPayment
  | RecordRefund
  | RecordChurn
  | OpenDispute
  | ResolveDispute;
export type PlanCommand = PublishCommissionPlan;

export type LedgerCommand = PartnerCommand | ProtectionCommand | AccountCommand | PlanCommand;
