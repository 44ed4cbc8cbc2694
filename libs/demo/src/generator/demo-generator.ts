import { DEFAULT_PROFILE, type DemoProfile } from '../profile/demo-profile';
import { sizeFor, type DemoSize } from '../profile/demo-sizing';
import { Random } from '../random/random';
import { DemoIds } from './demo-ids';
import { directArrivals } from './direct-customers';
import type { DemoWorld } from './demo-world';
import { DAY_MS, type DemoStep } from './journey';
import { partnerCareer, partnerPipeline } from './partner-career';
import { drawRoster, type RosterPartner } from './partner-roster';
import { programmeOffice } from './programme-office';
import { Scheduler } from './scheduler';

export interface DemoOptions {
  seed: number;
  /** The history is sized so that about this many events take the profile's horizon (two years). */
  targetEvents: number;
  /** Id prefix; `demo<seed>` by default. */
  prefix?: string;
  profile?: DemoProfile;
}

export interface Demo {
  ids: DemoIds;
  size: DemoSize;
  /** The programme's partners as drawn (their careers are planned up front). */
  roster: readonly RosterPartner[];
  /**
   * The history, in business-time order; lazy and endless (it keeps going past the horizon, so any
   * target is reached). A generator: it can be walked once.
   */
  steps: Generator<DemoStep, void, void>;
}

/**
 * A partner programme's history from a seed: the same seed and target always give the same
 * commands. Partners are drawn first; then the programme office, every partner's career and lead
 * pipeline, and the direct customers run as journeys on one scheduler.
 */
export function generateDemo(options: DemoOptions): Demo {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const random = new Random(options.seed);
  const ids = options.prefix === undefined ? DemoIds.forSeed(options.seed) : new DemoIds(options.prefix);
  const size = sizeFor(options.targetEvents, profile);
  const roster = drawRoster(size.partners, profile, random, ids);
  const active = roster.filter((p) => p.activatedAt !== null);
  const scheduler = new Scheduler();
  let accounts = 0;
  const world: DemoWorld = {
    random,
    profile,
    ids,
    clock: scheduler,
    activePartners: active,
    leadsPerWeightPerDay: leadRate(active, size, profile),
    nextAccountNumber: () => ++accounts,
  };
  const start = Date.parse(profile.start);
  scheduler.start(start, programmeOffice(world, active));
  for (const partner of roster) {
    scheduler.start(partner.enrolledAt, partnerCareer(world, partner));
    if (partner.activatedAt !== null) scheduler.start(partner.activatedAt, partnerPipeline(world, partner));
  }
  scheduler.start(start, directArrivals(world, size.directAccountsPerDay));
  return { ids, size, roster, steps: scheduler.steps() };
}

/**
 * The lead rate per unit of productivity that makes the partners' pipelines bring the planned
 * number of accounts over the horizon: each active partner brings its first lead at activation and
 * then `rate × weight` a day until the horizon or its removal.
 */
function leadRate(active: readonly RosterPartner[], size: DemoSize, profile: DemoProfile): number {
  const end = Date.parse(profile.start) + profile.horizonDays * DAY_MS;
  const exposure = active.reduce((sum, p) => {
    const until = Math.min(end, p.removedAt ?? end);
    return sum + p.weight * Math.max(0, (until - p.activatedAt!) / DAY_MS);
  }, 0);
  const afterFirst = Math.max(size.partnerAccounts - active.length, size.partnerAccounts / 10);
  return exposure > 0 ? afterFirst / exposure : 0;
}
