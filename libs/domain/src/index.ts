/**
 * The domain's public surface: messages, the pure `decide`/`evolve` of every aggregate, and the
 * money helpers. Nothing here reads a clock, a database or a random source.
 */
// messages
export * from './messages/commands';
export * from './messages/events';
export * from './messages/vocabulary';
export * from './shared/decision';
export { eventIdFor, eventIdSequence } from './shared/ids';

// partners
export { initialPartnerState, evolvePartner, decidePartner, tierAt } from './partners';
export type { PartnerState } from './partners/partner-state';

// plans
export { initialPlanBook, evolvePlans, decidePlans, planAt, DEFAULT_PLAN } from './plans';
export type { PlanBook, Plan } from './plans';

// protection
export {
  initialProtectionState,
  evolveProtection,
  decideProtection,
  protectionContextNeeds,
} from './protection';
export type { ProtectionState, ProtectionContext } from './protection';

// accounts
export { initialAccountState, evolveAccount, decideAccount, accountContextNeeds } from './accounts';
export type { AccountState, AccountContext } from './accounts';
export { attributeAccount, ATTRIBUTION_RULES } from './attribution';
export type { AttributionOutcome } from './attribution';

// money
export { Money, minorUnits, roundToMinor, isKnownCurrency, parseAmount } from './money';

// payouts
export * from './payouts';
