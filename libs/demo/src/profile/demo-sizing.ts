import type { DemoProfile } from './demo-profile';

/**
 * Events one customer account produces on average over the planned history (facts and the
 * ledger's decisions together), measured on default-profile demos; it turns `--events N` into a
 * number of customers so that N events take about the planned two years.
 */
export const EVENTS_PER_ACCOUNT = 10.5;

/**
 * Customer accounts per enrolled partner. With a quarter of onboarded partners ever bringing a
 * lead, this leaves an active partner about a dozen accounts over two years — so that, as in the
 * seed, only 10–15% of active partners reach three referrals in a quarter.
 */
export const ACCOUNTS_PER_PARTNER = 2.5;

/** Below this a programme has too few partners to show the tiers and the funnel. */
const MIN_PARTNERS = 12;

export interface DemoSize {
  partners: number;
  /** Customer accounts the history plans for over the horizon. */
  accounts: number;
  /** Of which partners introduce this many (their pipelines are tuned to it). */
  partnerAccounts: number;
  /** Direct customers arriving per day, on average over the horizon. */
  directAccountsPerDay: number;
}

export function sizeFor(targetEvents: number, profile: DemoProfile): DemoSize {
  if (!Number.isSafeInteger(targetEvents) || targetEvents < 1) throw new Error(`the target is a positive number of events, got ${targetEvents}`);
  const accounts = Math.max(10, Math.round(targetEvents / EVENTS_PER_ACCOUNT));
  const partnerAccounts = Math.round(accounts * profile.partnerIntroducedShare);
  return {
    partners: Math.max(MIN_PARTNERS, Math.round(accounts / ACCOUNTS_PER_PARTNER)),
    accounts,
    partnerAccounts,
    directAccountsPerDay: (accounts - partnerAccounts) / profile.horizonDays,
  };
}
