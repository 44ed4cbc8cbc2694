export { initialPartnerState, tierAt, isRemovedAt } from './partner-state';
export type { PartnerState } from './partner-state';
export { evolvePartner } from './partner.evolve';
export { decidePartner } from './partner.decide';
export { VIOLATION_RULES } from './pricing-violation.rule';
