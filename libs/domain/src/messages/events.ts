/**
 * Events: facts recorded once and never changed. Past-tense names. Every event carries a
 * deterministic `eventId` (see `shared/ids.ts`) so that derived events can cite, as evidence,
 * events appended in the same command. `occurredAt` is business time; for a derived event it is
 * the business time of the fact that caused it.
 *
 * Derived events (decisions of the ledger) always carry `rule` (a stable rule code such as
 * `commission.referral_first_year`), `planVersion` where a plan was consulted, and `evidence`
 * (the event ids the decision relied on), so that an audit never depends on re-running code.
 */
import type { CreditKind, RateTable, CommissionBasisKind, RegistrationRejectionReason, RevenueModel, Tier, TouchpointKind } from './vocabulary';

import type { PayoutEvent, PayoutRunEvent } from './payout-events';
interface Event<Type extends string, Data> {
  type: Type;
  eventId: string;
  occurredAt: string;
  data: Data;
  schemaVersion?: number;
}

/** Shared fields of every decision the ledger derives. */
export interface Derivation {
  rule: string;
  planVersion?: number;
  evidence: string[];
}

// ── partner-{partnerId} ─────────────────────────────────────────────────────────────────────
export type PartnerEnrolled = Event<'PartnerEnrolled', { partnerId: string; name: string; tier: Tier; enrolledAt: string }>;
export type PartnerTierChanged = Event<
  'PartnerTierChanged',
  { partnerId: string; changeId: string; fromTier: Tier; tier: Tier; effectiveAt: string; reason: string }
>;
export type PartnerOnboarded = Event<'PartnerOnboarded', { partnerId: string; onboardedAt: string }>;
export type PricingViolationRecorded = Event<
  'PricingViolationRecorded',
  { partnerId: string; violationId: string; detail: string; /** 1 for the first violation */ sequence: number }
>;
export type PartnerWarned = Event<'PartnerWarned', { partnerId: string; violationId: string } & Derivation>;
export type CommissionsHeld = Event<'CommissionsHeld', { partnerId: string; violationId: string } & Derivation>;
export type CommissionsReleased = Event<'CommissionsReleased', { partnerId: string; releaseId: string; reason: string } & Derivation>;
export type PartnerRemoved = Event<'PartnerRemoved', { partnerId: string; violationId: string } & Derivation>;

// ── protected-accounts (one stream: an account is protected by at most one partner) ──────────
export type ProtectedAccountsSubmitted = Event<
  'ProtectedAccountsSubmitted',
  { partnerId: string; submissionId: string; quarter: string; accountIds: string[] }
>;
export type ProtectionRevoked = Event<
  'ProtectionRevoked',
  { partnerId: string; accountId: string; quarter: string; reviewId: string } & Derivation
>;

// ── plans ───────────────────────────────────────────────────────────────────────────────────
export type CommissionPlanPublished = Event<
  'CommissionPlanPublished',
  { planId: string; version: number; effectiveFrom: string; rates: RateTable; influencedFactor: string; basis: CommissionBasisKind }
>;

// ── account-{accountId} ─────────────────────────────────────────────────────────────────────
export type AccountCreatedInCrm = Event<'AccountCreatedInCrm', { accountId: string; createdInCrmAt: string }>;
export type TouchpointRecorded = Event<
  'TouchpointRecorded',
  { touchpointId: string; partnerId: string; accountId: string; kind: TouchpointKind; source?: string }
>;
export type DirectSalesContactRecorded = Event<'DirectSalesContactRecorded', { contactId: string; accountId: string }>;
export type SignupRecorded = Event<'SignupRecorded', { accountId: string }>;
export type OpportunityOpened = Event<
  'OpportunityOpened',
  { opportunityId: string; accountId: string; amount: string; currency: string }
>;
export type OpportunityWon = Event<'OpportunityWon', { opportunityId: string; accountId: string; amount: string; currency: string }>;
export type OpportunityLost = Event<'OpportunityLost', { opportunityId: string; accountId: string }>;
export type DealRegistrationSubmitted = Event<
  'DealRegistrationSubmitted',
  { registrationId: string; partnerId: string; accountId: string; firstContactAt: string; submittedAt: string }
>;
export type DealRegistrationAccepted = Event<
  'DealRegistrationAccepted',
  { registrationId: string; partnerId: string; accountId: string; tier: Tier; expiresAt: string } & Derivation
>;
export type DealRegistrationRejected = Event<
  'DealRegistrationRejected',
  {
    registrationId: string;
    partnerId: string;
    accountId: string;
    reason: RegistrationRejectionReason;
    /** For `conflict`: the registration that holds the account. */
    winner?: { partnerId: string; registrationId: string; acceptedAt: string };
  } & Derivation
>;
export type DealRegistrationExpired = Event<
  'DealRegistrationExpired',
  { registrationId: string; partnerId: string; accountId: string } & Derivation
>;
export type AttributionDecided = Event<
  'AttributionDecided',
  {
    accountId: string;
    sourced: string | null;
    influenced: string[];
    /**
     * How the sourced partner's first introduction qualified (`attribution.new_account` or
     * `attribution.dormant_lead`); absent when nobody is sourced or a dispute decided it.
     */
    sourcedAs?: string;
    /** Each credited partner with the rule that granted its credit and the events that rule used. */
    credits?: { partnerId: string; credit: CreditKind; rule: string; evidence: string[] }[];
  } & Derivation
>;
export type PaymentRecorded = Event<
  'PaymentRecorded',
  { paymentId: string; accountId: string; amount: string; currency: string; revenueModel: RevenueModel; costOfRevenue?: string }
>;
export type CommissionEarned = Event<
  'CommissionEarned',
  {
    commissionId: string;
    paymentId: string;
    accountId: string;
    partnerId: string;
    credit: CreditKind;
    tier: Tier;
    revenueModel: RevenueModel;
    /** The commission basis: payment amount, or amount − costOfRevenue under a net plan. */
    basis: string;
    /** The rate applied (influenced credit already multiplied in), decimal string. */
    rate: string;
    /** basis × rate, rounded once half-even to the currency's minor unit. */
    amount: string;
    /** basis × rate before rounding, kept so an explanation can show the rounding. */
    unroundedAmount: string;
    currency: string;
    /** Business time from which the commission may be paid (net-30 or first of next month). */
    payableFrom: string;
    /** True when the partner's commissions were held when it was earned. */
    held: boolean;
    planId: string;
  } & Derivation
>;
export type PaymentRefunded = Event<
  'PaymentRefunded',
  { refundId: string; paymentId: string; accountId: string; amount: string; currency: string }
>;
export type CommissionReversed = Event<
  'CommissionReversed',
  { commissionId: string; refundId: string; paymentId: string; accountId: string; partnerId: string; amount: string; currency: string } & Derivation
>;
export type CustomerChurned = Event<'CustomerChurned', { churnId: string; accountId: string }>;
export type CommissionClawedBack = Event<
  'CommissionClawedBack',
  {
    commissionId: string;
    churnId: string;
    paymentId: string;
    accountId: string;
    partnerId: string;
    daysRetained: number;
    amount: string;
    currency: string;
  } & Derivation
>;
export type DisputeOpened = Event<
  'DisputeOpened',
  { disputeId: string; accountId: string; claimantPartnerId: string; reason: string }
>;
export type DisputeResolved = Event<
  'DisputeResolved',
  { disputeId: string; accountId: string; winnerPartnerId: string; loserPartnerIds: string[]; note: string }
>;
/** The loser's remaining commission moves to the winner: a reversal for one, a new commission for the other. */
export type CommissionReassigned = Event<
  'CommissionReassigned',
  {
    commissionId: string;
    newCommissionId: string;
    disputeId: string;
    paymentId: string;
    accountId: string;
    fromPartnerId: string;
    toPartnerId: string;
    amount: string;
    currency: string;
    payableFrom: string;
    /** The winner's tier at the payment's `occurredAt`: it governs clawbacks of the moved commission. */
    toTier?: Tier;
  } & Derivation
>;

export type PartnerEvent =
  | PartnerEnrolled
  | PartnerTierChanged
  | PartnerOnboarded
  | PricingViolationRecorded
  | PartnerWarned
  | CommissionsHeld
  | CommissionsReleased
  | PartnerRemoved;
export type ProtectionEvent = ProtectedAccountsSubmitted | ProtectionRevoked;
export type PlanEvent = CommissionPlanPublished;
export type AccountEvent =
  | AccountCreatedInCrm
  | TouchpointRecorded
  | DirectSalesContactRecorded
  | SignupRecorded
  | OpportunityOpened
  | OpportunityWon
  | OpportunityLost
  | DealRegistrationSubmitted
  | DealRegistrationAccepted
  | DealRegistrationRejected
  | DealRegistrationExpired
  | AttributionDecided
  | PaymentRecorded
  | CommissionEarned
  | PaymentRefunded
  | CommissionReversed
  | CustomerChurned
  | CommissionClawedBack
  | DisputeOpened
  | DisputeResolved
  | CommissionReassigned;

export type LedgerEvent = PartnerEvent | ProtectionEvent | PlanEvent | AccountEvent | PayoutEvent | PayoutRunEvent;
export type LedgerEventType = LedgerEvent['type'];

export { streams } from './streams';
