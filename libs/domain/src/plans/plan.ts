import type { CommissionBasisKind, RateTable } from '../messages/vocabulary';

/**
 * A commission plan: the rates a programme pays, per tier and revenue model, from `effectiveFrom`
 * on. Programmes change rates by publishing a new `version`; the plan in force at a payment's
 * `occurredAt` applies, however late the payment is recorded (SPEC §4).
 */
export interface Plan {
  planId: string;
  /** Increases with every publication of the same `planId`. */
  version: number;
  /** ISO-8601 UTC instant from which this version applies. */
  effectiveFrom: string;
  /** Sourced rates as decimal strings (`"0.10"` is 10%). */
  rates: RateTable;
  /** Influenced credit earns `rate × influencedFactor` (decimal string, `"0.5"` is half). */
  influencedFactor: string;
  /** `gross`: commission on the payment amount; `net`: on amount − costOfRevenue (never below 0). */
  basis: CommissionBasisKind;
}

/** A plan as the plan book holds it: where it came from, for evidence and tie-breaking. */
export interface PublishedPlan extends Plan {
  /** The `CommissionPlanPublished` event id; null for the plan built into the code. */
  eventId: string | null;
  /** Order of arrival in the `plans` stream (0 for the built-in plan), the last tie-breaker. */
  arrival: number;
}

/** The shipped plan of SPEC §4's table, in force until a published plan supersedes it. */
export const DEFAULT_PLAN: Plan = Object.freeze({
  planId: 'default',
  version: 1,
  effectiveFrom: '1970-01-01T00:00:00.000Z',
  rates: {
    referral: { monthly_subscription: '0.10', annual_subscription: '0.10', usage: '0.10', outcome: '0.10' },
    integration: { monthly_subscription: '0.20', annual_subscription: '0.20', usage: '0.20', outcome: '0.20' },
    solution: { monthly_subscription: '0.30', annual_subscription: '0.30', usage: '0.30', outcome: '0.35' },
  },
  influencedFactor: '0.5',
  basis: 'gross',
});
