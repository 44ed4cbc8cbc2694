/**
 * What-if simulation (SPEC §6 `ledger simulate`): replay the log under another commission plan in
 * memory, write nothing, and compare each partner's commission cost with what was recorded.
 */
export { simulate } from './simulate';
export type { SimulationOptions, SimulationProgress } from './simulate';
export { parsePlanFile, parsePlan } from './plan-file.parse';
export {
  parseWindow,
  normaliseInstant,
  isInWindow,
  SimulationInputError,
} from './simulation-window';
export type { SimulationWindow } from './simulation-window';
export { SimulationDivergenceError } from './simulated-ledger';
export type { SimulationReport, PartnerDifference, CurrencyTotal } from './simulation-report';
