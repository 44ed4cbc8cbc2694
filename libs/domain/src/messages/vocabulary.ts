/**
 * The program's vocabulary (SPEC §4). JSDoc here is the glossary partner managers and finance use.
 */

/** A partner's programme level; it sets the commission rates and the payout timing. */
export type Tier = 'referral' | 'integration' | 'solution';
export const TIERS: readonly Tier[] = ['referral', 'integration', 'solution'];

/** How the customer pays; with the tier it decides the rate and which payments earn. */
export type RevenueModel = 'monthly_subscription' | 'annual_subscription' | 'usage' | 'outcome';
export const REVENUE_MODELS: readonly RevenueModel[] = ['monthly_subscription', 'annual_subscription', 'usage', 'outcome'];

/**
 * Introductions (`referral_click`, `coupon`, `co_sell_intro`) can make a partner the *sourcing*
 * partner; contributions (`demo`, `reference`, `case_study`, `co_sell_meeting`) can make it an
 * *influencing* one.
 */
export type TouchpointKind =
  | 'referral_click'
  | 'coupon'
  | 'co_sell_intro'
  | 'demo'
  | 'reference'
  | 'case_study'
  | 'co_sell_meeting';
export const INTRODUCTION_KINDS: readonly TouchpointKind[] = ['referral_click', 'coupon', 'co_sell_intro'];
export const CONTRIBUTION_KINDS: readonly TouchpointKind[] = ['demo', 'reference', 'case_study', 'co_sell_meeting'];
export const TOUCHPOINT_KINDS: readonly TouchpointKind[] = [...INTRODUCTION_KINDS, ...CONTRIBUTION_KINDS];

/** `gross`: the commission basis is the payment amount; `net`: the amount minus `costOfRevenue`. */
export type CommissionBasisKind = 'gross' | 'net';

/** Sourced rates per tier and revenue model, as decimal strings (`"0.10"` is 10%). */
export type RateTable = Record<Tier, Record<RevenueModel, string>>;

/** Whether a partner brought the account (`sourced`) or helped close it (`influenced`). */
export type CreditKind = 'sourced' | 'influenced';

export type RegistrationRejectionReason = 'late' | 'conflict' | 'direct_contact_first' | 'reregistration_limit';
