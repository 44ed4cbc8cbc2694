export type { PayoutItem } from './payout-item';
export { initialPayoutState, isSettled, payoutOf } from './payout.state';
export type { PayoutState, PayoutRecord, PayoutStatus } from './payout.state';
export { evolvePayouts } from './payout.evolve';
export { decidePayout } from './payout.decide';
export type { PayoutRun } from './payout.decide';
export { decideClosePayout } from './close-payout.decide';
export type { PayoutDecision, PayoutAccepted } from './payout.decision';
export {
  PAYOUT_CODES,
  isTrueUp,
  isQuarterStart,
  quarterEndingAt,
  isPayableAt,
} from './payout.rules';
export { settleableItems, toPayoutLine } from './settleable-items';
export type { SettleableItem } from './settleable-items';
export * from '../messages/payout-events';
export * from '../messages/payout-commands';
