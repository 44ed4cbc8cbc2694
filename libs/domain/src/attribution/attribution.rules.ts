/**
 * Rule codes of attribution (SPEC §4 "Attribution", docs/decisions.md). They appear in
 * `AttributionDecided.rule`, in each credit of it, and in the credit claims commissions cite.
 */
export const ATTRIBUTION_RULES = {
  /** The partner's first introduction came before the account was in the CRM: a sourced candidate. */
  newAccount: 'attribution.new_account',
  /** In the CRM before, but with no open opportunity at the introduction: a sourced candidate. */
  dormantLead: 'attribution.dormant_lead',
  /** In the CRM with an opportunity open at the introduction: influenced credit. */
  openOpportunity: 'attribution.open_opportunity',
  /** Among sourced candidates, the one holding an active accepted deal registration is sourced. */
  registeredDeal: 'attribution.registered_deal',
  /** Otherwise the earliest introduction is sourced (equal instants: earlier arrival). */
  firstTouch: 'attribution.first_touch',
  /** A contribution within the window before the won opportunity (or the payment): influenced credit. */
  contribution: 'attribution.contribution',
  /** A resolved dispute names the sourced partner, overriding every other rule. */
  disputeResolution: 'attribution.dispute_resolution',
  /** No partner has any credit. */
  noCredit: 'attribution.no_credit',
} as const;
