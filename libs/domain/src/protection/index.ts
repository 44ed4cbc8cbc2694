export { initialProtectionState, evolveProtection, protectedAccountsOf, holderOf } from './protection-state';
export type { ProtectionState, ProtectionList, ProtectedAccount } from './protection-state';
export { decideProtection, protectionContextNeeds, PROTECTION_RULES } from './protection.decide';
export type { ProtectionContext } from './protection.decide';
export { isQuarter, quarterBounds } from './quarter';
