import fc from 'fast-check';
import {
  REVENUE_MODELS,
  TIERS,
  TOUCHPOINT_KINDS,
  type RevenueModel,
  type Tier,
  type TouchpointKind,
} from '@ledger/domain/messages/vocabulary';

/** Currencies with 2, 0 and 3 decimals, so rounding to each minor unit is exercised. */
export const CURRENCIES = ['USD', 'JPY', 'BHD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/**
 * One generated step of a partner programme. Entities are named by small indexes (partner 2,
 * account 1, the n-th payment recorded so far); the model turns them into concrete commands, so a
 * shrunk programme still names things that exist. Times are hours after the programme's start.
 */
export type Step =
  | { kind: 'crm'; account: number; hour: number }
  | { kind: 'touch'; partner: number; account: number; touch: TouchpointKind; hour: number }
  | { kind: 'signup'; account: number; hour: number }
  | { kind: 'register'; partner: number; account: number; hour: number; contactDaysBefore: number }
  | { kind: 'opportunity'; account: number; hour: number; wonAfterDays: number }
  | {
      kind: 'pay';
      account: number;
      minor: number;
      currency: Currency;
      model: RevenueModel;
      hour: number;
    }
  | { kind: 'refund'; payment: number; percent: number; afterHours: number }
  /** The account of the n-th payment churns `afterDays` after it (account 0 before any payment). */
  | { kind: 'churn'; payment: number; afterDays: number }
  /**
   * A dispute over the account of the n-th payment (account 0 before any), opened after it, and
   * resolved at once when `resolution` is set (resolveDispute steps resolve the others later).
   */
  | {
      kind: 'openDispute';
      payment: number;
      claimant: number;
      afterHours: number;
      resolution: { winner: number; afterHours: number } | null;
    }
  | { kind: 'resolveDispute'; dispute: number; winner: number; afterHours: number }
  | { kind: 'violation'; partner: number; hour: number }
  /** A run on the first of `month`; `thenClose` closes one of the payouts open after it. */
  | { kind: 'payoutRun'; month: number; minimum: string; thenClose: PayoutClosing | null }
  | ({ kind: 'closePayout' } & PayoutClosing);

/** Finance closes the `payout`-th payout still open (modulo how many are), paid or failed. */
export interface PayoutClosing {
  payout: number;
  outcome: 'paid' | 'failed';
}

const closing = fc.record({
  payout: fc.nat({ max: 20 }),
  outcome: fc.constantFrom('paid' as const, 'failed' as const),
});

/** How many partners and accounts a programme has: few, so that steps collide on them often. */
export const PARTNERS = 4;
export const ACCOUNTS = 4;
/** About five months of business time. */
const HOURS = 150 * 24;

const partner = fc.nat({ max: PARTNERS - 1 });
const account = fc.nat({ max: ACCOUNTS - 1 });
const hour = fc.nat({ max: HOURS });

/** Facts about partners and accounts, weighted towards money. */
const factSteps: fc.WeightedArbitrary<Step>[] = [
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crm' as const), account, hour }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('touch' as const),
      partner,
      account,
      touch: fc.constantFrom<TouchpointKind>(...TOUCHPOINT_KINDS),
      hour,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('signup' as const), account, hour }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('register' as const),
      partner,
      account,
      hour,
      contactDaysBefore: fc.nat({ max: 20 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('opportunity' as const),
      account,
      hour,
      wonAfterDays: fc.nat({ max: 40 }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      account,
      minor: fc.integer({ min: 1, max: 2_000_000 }),
      currency: fc.constantFrom(...CURRENCIES),
      model: fc.constantFrom<RevenueModel>(...REVENUE_MODELS),
      hour,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      payment: fc.nat({ max: 50 }),
      // Above 100 % of what is left is refused: the model says when.
      percent: fc.integer({ min: 1, max: 110 }),
      afterHours: fc.nat({ max: 60 * 24 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('churn' as const),
      payment: fc.nat({ max: 50 }),
      afterDays: fc.nat({ max: 120 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('openDispute' as const),
      payment: fc.nat({ max: 50 }),
      claimant: partner,
      afterHours: fc.nat({ max: 60 * 24 }),
      resolution: fc.option(fc.record({ winner: partner, afterHours: fc.nat({ max: 30 * 24 }) }), {
        nil: null,
        freq: 2,
      }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('resolveDispute' as const),
      dispute: fc.nat({ max: 10 }),
      winner: partner,
      afterHours: fc.nat({ max: 30 * 24 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('violation' as const), partner, hour }) },
];

/** Finance's steps: payout runs on a month start, and closing an issued payout paid or failed. */
const payoutSteps: fc.WeightedArbitrary<Step>[] = [
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('payoutRun' as const),
      month: fc.integer({ min: 2, max: 9 }),
      minimum: fc.constantFrom('50.00', '0.01', '10.00'),
      thenClose: fc.option(closing, { nil: null, freq: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: closing.map((c) => ({ kind: 'closePayout' as const, ...c })),
  },
];

/**
 * A programme: every partner's tier at enrolment, the partner that introduced each account in its
 * first days (most accounts have one, so that payments earn), and the steps that follow.
 */
export interface Programme {
  tiers: Tier[];
  introductions: ({ partner: number; touch: TouchpointKind; hour: number } | null)[];
  steps: Step[];
}

function programmeOf(steps: fc.Arbitrary<Step[]>): fc.Arbitrary<Programme> {
  const introduction = fc.record({
    partner,
    touch: fc.constantFrom<TouchpointKind>('coupon', 'co_sell_intro'),
    hour: fc.nat({ max: 48 }),
  });
  return fc.record({
    tiers: fc.array(fc.constantFrom<Tier>(...TIERS), { minLength: PARTNERS, maxLength: PARTNERS }),
    introductions: fc.array(fc.option(introduction, { freq: 5, nil: null }), {
      minLength: ACCOUNTS,
      maxLength: ACCOUNTS,
    }),
    steps,
  });
}

/** A whole programme, payouts included. */
export function programmeArbitrary(maxSteps: number): fc.Arbitrary<Programme> {
  return programmeOf(fc.array(fc.oneof(...factSteps, ...payoutSteps), lengthUpTo(maxSteps)));
}

/** A programme that only records facts: no payout run, whose answer depends on every partner at once. */
export function factsProgrammeArbitrary(maxSteps: number): fc.Arbitrary<Programme> {
  return programmeOf(fc.array(fc.oneof(...factSteps), lengthUpTo(maxSteps)));
}

/**
 * At least half of `maxSteps`: fast-check favours short arrays, and a programme needs a few steps
 * before a payment meets its refund, churn or dispute. Shrinking turns surplus steps into no-ops.
 */
function lengthUpTo(maxSteps: number): fc.ArrayConstraints {
  return { minLength: Math.ceil(maxSteps / 2), maxLength: maxSteps, size: 'max' };
}
