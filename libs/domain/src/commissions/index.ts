export type { CommissionPosition, CreditClaim, PaymentFacts } from './commission-position';
export { commissionsForPayment } from './earn';
export { reversalsForRefund } from './reverse';
export { clawbacksForChurn } from './claw-back';
export { COMMISSION_RULES, outstandingOf, payableFromFor } from './commission-rules';
