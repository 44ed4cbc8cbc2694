import type { Tier } from '@ledger/domain/messages/vocabulary';

/**
 * The shape of the demo programme. Ratios come from the programme design the SPEC was distilled
 * from (`seed/partner-affiliate.txt`); where it gives a range, the profile picks a value inside it.
 * Probabilities of rarer facts (disputes, violations…) are per account or per partner and are chosen
 * so a two-year history shows each of them a realistic handful of times.
 */
export interface DemoProfile {
  /** First instant of the history (ISO-8601 UTC). */
  start: string;
  /** The history the sizing aims at, in days (about two years). */
  horizonDays: number;
  /** Share of enrolled partners per tier ("three-tier framework": most partners are referral partners). */
  tierMix: Readonly<Record<Tier, number>>;
  /** Seed, "The Recruitment Funnel": onboarded = 60–70% of recruited (enrolled). */
  onboardedShare: number;
  /** Seed: activated (first lead) = 20–30% of onboarded. */
  activatedShare: number;
  /** Days from onboarding to the first lead: "time to first referral under 30 days" on average. */
  meanDaysToFirstLead: number;
  /**
   * Tail index of the power law of partner productivity. 1.16 is the 80/20 split the seed expects
   * ("10–20% of partners drive 80%+ of partner-sourced revenue").
   */
  productivityAlpha: number;
  productivityCap: number;
  /** Share of customer accounts a partner introduces (seed: attach rate 30–50% at maturity). */
  partnerIntroducedShare: number;
  /** Chance that a partner-introduced lead never turns into a customer account (clicks without signup…). */
  leadDropShare: number;
  rare: RareFacts;
}

/** How often the facts that make a programme messy happen. */
export interface RareFacts {
  /** Per deal registration: submitted more than 14 days after first contact. */
  lateRegistration: number;
  /** Per registered deal: another partner tries to register the same account. */
  conflictingRegistration: number;
  /** Per referral lead: a second partner also introduces the account. */
  competingIntroduction: number;
  /** Per contested account: the losing partner opens a dispute. */
  dispute: number;
  /** Per direct deal: a partner contributes (demo, reference…) and earns influenced credit. */
  partnerContribution: number;
  /** Per lost direct deal: a partner revives it later as a dormant lead. */
  dormantRevival: number;
  /** Per payment: part or all of it is refunded. */
  refund: number;
  /** Per customer: churns within the first 100 days (inside the clawback windows). */
  earlyChurn: number;
  /** Per customer and month: churns (the steady state). */
  monthlyChurn: number;
  /** Per activated partner: a first pricing (MAP) violation; each further rung is as likely again × this. */
  pricingViolation: number;
  /** Per activated partner: moves up a tier after proving itself. */
  tierUpgrade: number;
}

/** The default programme: a B2B SaaS with an AI product, two years after launching its partner programme. */
export const DEFAULT_PROFILE: DemoProfile = Object.freeze({
  start: '2025-01-01T00:00:00.000Z',
  horizonDays: 730,
  tierMix: { referral: 0.6, integration: 0.3, solution: 0.1 },
  onboardedShare: 0.65,
  activatedShare: 0.25,
  meanDaysToFirstLead: 21,
  productivityAlpha: 1.05,
  productivityCap: 400,
  partnerIntroducedShare: 0.35,
  leadDropShare: 0.25,
  rare: Object.freeze({
    lateRegistration: 0.06,
    conflictingRegistration: 0.08,
    competingIntroduction: 0.05,
    dispute: 0.4,
    partnerContribution: 0.12,
    dormantRevival: 0.2,
    refund: 0.02,
    earlyChurn: 0.07,
    monthlyChurn: 0.02,
    pricingViolation: 0.06,
    tierUpgrade: 0.15,
  }),
});

/**
 * A profile where every rare fact is common, so that a history of a few hundred commands still
 * exercises every command type and rule (for specs that compare two write paths).
 */
export function denseProfile(base: DemoProfile = DEFAULT_PROFILE): DemoProfile {
  return {
    ...base,
    activatedShare: 0.6,
    rare: {
      ...base.rare,
      lateRegistration: 0.25,
      conflictingRegistration: 0.4,
      competingIntroduction: 0.4,
      dispute: 1,
      partnerContribution: 0.5,
      dormantRevival: 0.6,
      refund: 0.15,
      earlyChurn: 0.3,
      monthlyChurn: 0.05,
      pricingViolation: 0.9,
      tierUpgrade: 0.6,
    },
  };
}
