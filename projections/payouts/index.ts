export { payoutsProjection } from './payouts.projection';
export {
  PAYOUTS,
  PAYOUT_LINES,
  PAYOUT_SETTLEMENTS,
  PAYOUT_RUNS,
  PAYOUT_CARRIED_ITEMS,
} from './payouts.schema';
export {
  payoutCandidates,
  partnersWithUnsettledItems,
  carriedItems,
} from './payout-candidates.query';
export { paidByCurrency, payoutsOfRun } from './payouts.query';
export type { PaidAmount, PayoutRow } from './payouts.query';
