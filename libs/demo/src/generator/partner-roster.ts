import type { Tier } from '@ledger/domain/messages/vocabulary';
import type { DemoProfile } from '../profile/demo-profile';
import type { Random } from '../random/random';
import type { DemoIds } from './demo-ids';
import { DAY_MS, HOUR_MS } from './journey';

/** One partner of the demo programme, drawn before the history starts: its whole career is planned. */
export interface RosterPartner {
  partnerId: string;
  name: string;
  enrolledAt: number;
  enrolledTier: Tier;
  /** Null for the recruits who never complete setup. */
  onboardedAt: number | null;
  /** When its first lead arrives; null for partners who never bring one. */
  activatedAt: number | null;
  /** Relative productivity (power law): how many leads it brings compared with its peers. */
  weight: number;
  tierChanges: { at: number; tier: Tier; changeId: string }[];
  /** Pricing violations in order; the second puts commissions on hold, the third removes the partner. */
  violations: { at: number; violationId: string }[];
  holdRelease: { at: number; releaseId: string } | null;
  removedAt: number | null;
  /** Customer accounts it introduced that are still under way: the candidates for its protected list. */
  liveAccounts: Set<string>;
}

const FIRST = ['North', 'Blue', 'Bright', 'Summit', 'Cedar', 'Atlas', 'Harbor', 'Vector', 'Maple', 'Quartz', 'Signal', 'Lumen', 'Orbit', 'Pioneer', 'Granite', 'Tidal'];
const SECOND = ['Analytics', 'Consulting', 'Labs', 'Partners', 'Digital', 'Systems', 'Advisory', 'Cloud', 'Works', 'Data', 'Growth', 'Solutions'];

/**
 * Draws every partner of the programme: enrolment spread over the history (more in the first
 * months, when the programme launches), tier, whether and when it onboards and brings its first lead
 * (the seed's funnel), its productivity, and the rarer turns of a career — tier upgrades, pricing
 * violations with their hold, release and removal.
 */
export function drawRoster(count: number, profile: DemoProfile, random: Random, ids: DemoIds): RosterPartner[] {
  const start = Date.parse(profile.start);
  const horizon = profile.horizonDays * DAY_MS;
  const enrolments = Array.from({ length: count }, () => start + Math.floor(horizon * 0.9 * random.next() ** 1.4));
  enrolments.sort((a, b) => a - b);
  return enrolments.map((enrolledAt, i) => drawPartner(ids.partner(i + 1), enrolledAt, profile, random));
}

function drawPartner(partnerId: string, enrolledAt: number, profile: DemoProfile, random: Random): RosterPartner {
  const tier = random.weighted(profile.tierMix);
  const onboardedAt = random.chance(profile.onboardedShare) ? enrolledAt + random.between(2, 35) * DAY_MS : null;
  const activatedAt =
    onboardedAt !== null && random.chance(profile.activatedShare)
      ? onboardedAt + Math.min(120, random.exponential(profile.meanDaysToFirstLead)) * DAY_MS + HOUR_MS
      : null;
  const partner: RosterPartner = {
    partnerId,
    name: `${random.pick(FIRST)} ${random.pick(SECOND)} ${partnerId.slice(partnerId.lastIndexOf('-p') + 2)}`,
    enrolledAt,
    enrolledTier: tier,
    onboardedAt,
    activatedAt,
    weight: activatedAt === null ? 0 : random.pareto(profile.productivityAlpha, profile.productivityCap),
    tierChanges: [],
    violations: [],
    holdRelease: null,
    removedAt: null,
    liveAccounts: new Set(),
  };
  if (activatedAt !== null) drawCareer(partner, activatedAt, profile, random);
  return partner;
}

/** Upgrades for proven partners, and the warn / hold / remove ladder for a few who break pricing rules. */
function drawCareer(partner: RosterPartner, activatedAt: number, profile: DemoProfile, random: Random): void {
  const next: Partial<Record<Tier, Tier>> = { referral: 'integration', integration: 'solution' };
  const upgrade = next[partner.enrolledTier];
  if (upgrade && random.chance(profile.rare.tierUpgrade)) {
    partner.tierChanges.push({ at: activatedAt + random.between(60, 300) * DAY_MS, tier: upgrade, changeId: 'tc1' });
  }
  let at = activatedAt + random.between(30, 400) * DAY_MS;
  for (let rung = 1; rung <= 3 && random.chance(rung === 1 ? profile.rare.pricingViolation : 0.5); rung++) {
    partner.violations.push({ at, violationId: `v${rung}` });
    if (rung === 2 && random.chance(0.6)) {
      partner.holdRelease = { at: at + random.between(10, 60) * DAY_MS, releaseId: 'release1' };
      at = partner.holdRelease.at;
    }
    if (rung === 3) partner.removedAt = at;
    at += random.between(20, 120) * DAY_MS;
  }
}

/** The tier in force at `at`: the last change not after it, else the enrolled tier. */
export function tierAt(partner: RosterPartner, at: number): Tier {
  let tier = partner.enrolledTier;
  for (const change of partner.tierChanges) if (change.at <= at) tier = change.tier;
  return tier;
}

/** True when the partner brings leads at `at`: activated, and not removed from the programme. */
export function isActiveAt(partner: RosterPartner, at: number): boolean {
  return partner.activatedAt !== null && partner.activatedAt <= at && (partner.removedAt === null || at < partner.removedAt);
}

/**
 * A partner other than `except`, active at `at` and matching `accept`, chosen in proportion to its
 * productivity; null when none qualifies. Used for the second partner in a conflict, contributors,
 * and partners reviving dormant leads.
 */
export function pickActivePartner(
  roster: readonly RosterPartner[],
  random: Random,
  at: number,
  accept: (partner: RosterPartner) => boolean = () => true,
  except?: string,
): RosterPartner | null {
  const candidates = roster.filter((p) => p.partnerId !== except && isActiveAt(p, at) && accept(p));
  if (candidates.length === 0) return null;
  const total = candidates.reduce((sum, p) => sum + p.weight, 0);
  let left = random.next() * total;
  for (const partner of candidates) {
    left -= partner.weight;
    if (left < 0) return partner;
  }
  return candidates[candidates.length - 1]!;
}
