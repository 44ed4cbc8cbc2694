export { attributeAccount, sameOutcome } from './attribute-account';
export type { AttributionOutcome } from './attribute-account';
export { ATTRIBUTION_RULES } from './attribution.rules';
