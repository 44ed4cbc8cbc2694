import type { Tier } from '@ledger/domain/messages/vocabulary';
import { newCustomer, partOf, until, type Customer, type DemoWorld } from './demo-world';
import { DAY_MS, HOUR_MS, MINUTE_MS, wait, waitDays, type Emission, type Journey } from './journey';
import { pickActivePartner, tierAt, type RosterPartner } from './partner-roster';
import { customerRevenue } from './revenue-journey';
import { createdInCrm, directContact, inCycle, registration, salesCycle, signup, touchpoint, type TimedFact } from './sales-cycle';

const CLICK_SOURCES = ['newsletter', 'blog', 'youtube', 'podcast', 'comparison-site', 'webinar'];

/**
 * A lead a partner brings. Referral partners send clicks and coupons that mostly turn into
 * self-serve signups; integration and solution partners introduce accounts in co-selling and
 * register their deals, which then go through a sales cycle. Bigger partners bring bigger deals.
 */
export function partnerLead(w: DemoWorld, partner: RosterPartner): Journey {
  const tier = tierAt(partner, w.clock.now);
  const selfServe = tier === 'referral' && w.random.chance(0.75);
  const boost = tier === 'solution' ? 2.2 : tier === 'integration' ? 1.3 : 1;
  const c = newCustomer(w, selfServe ? 'self_serve' : 'sales', partner, boost);
  partner.liveAccounts.add(c.accountId);
  return partOf(c, tier === 'referral' ? referralLead(w, c, partner, selfServe) : registeredLead(w, c, partner, tier));
}

function* referralLead(w: DemoWorld, c: Customer, partner: RosterPartner, selfServe: boolean): Journey {
  const r = w.random;
  const coupon = r.chance(0.2);
  if (!coupon) {
    yield touchpoint(w, c, partner, 'referral_click', r.pick(CLICK_SOURCES));
    if (r.chance(0.3)) {
      yield waitDays(r.between(0.2, 10));
      yield touchpoint(w, c, partner, 'referral_click', r.pick(CLICK_SOURCES));
    }
    if (r.chance(w.profile.leadDropShare)) return;
  }
  const rival = r.chance(w.profile.rare.competingIntroduction)
    ? pickActivePartner(w.activePartners, r, w.clock.now, (p) => tierAt(p, w.clock.now) !== 'solution', partner.partnerId)
    : null;
  if (rival) {
    // A second partner also claims the customer; first touch keeps it with ours, so the rival may dispute.
    yield waitDays(r.between(0.1, 5));
    yield touchpoint(w, c, rival, r.pick(['referral_click', 'coupon'] as const));
    c.claimant = rival;
  }
  // A few sign up only after the 90-day click window: the click no longer earns the partner anything.
  const lateSignup = !coupon && r.chance(0.04);
  yield waitDays(lateSignup ? r.between(91, 130) : r.between(0.1, 20));
  if (lateSignup && !rival) {
    c.owner = null;
    c.claimant = partner;
  }
  if (coupon) yield touchpoint(w, c, partner, 'coupon', 'checkout');
  yield wait(r.between(1, 10) * MINUTE_MS);
  yield createdInCrm(w, c);
  yield wait(r.between(1, 30) * MINUTE_MS);
  yield signup(w, c);
  if (r.chance(0.03)) {
    // Sales called the new signup before the partner registered the deal: a referral registration now loses.
    yield waitDays(r.between(1, 5));
    yield directContact(w, c);
    yield waitDays(r.between(0.5, 4));
    yield registration(w, c, partner, w.clock.now - DAY_MS);
  }
  if (selfServe) return yield* customerRevenue(w, c, w.clock.now + r.between(7, 21) * DAY_MS);
  yield waitDays(r.between(1, 7));
  yield directContact(w, c);
  yield waitDays(r.between(1, 7));
  if (yield* salesCycle(w, c, 0.55)) yield* customerRevenue(w, c, w.clock.now + r.between(1, 15) * DAY_MS);
}

function* registeredLead(w: DemoWorld, c: Customer, partner: RosterPartner, tier: Tier): Journey {
  const r = w.random;
  const firstContactAt = w.clock.now;
  const registers = r.chance(tier === 'solution' ? 0.85 : 0.55);
  const late = registers && r.chance(w.profile.rare.lateRegistration);
  let acceptedAt: number | null = null;
  if (!registers) {
    yield touchpoint(w, c, partner, 'co_sell_intro');
    yield waitDays(r.between(0.5, 3));
    yield createdInCrm(w, c);
  } else if (late) {
    // The customer reached sales on its own; the partner registers after the 14-day window and loses it.
    yield waitDays(r.between(1, 3));
    yield createdInCrm(w, c);
    yield until(w, firstContactAt + r.between(15, 40) * DAY_MS);
    yield registration(w, c, partner, firstContactAt);
    partner.liveAccounts.delete(c.accountId);
    c.owner = null;
    c.claimant = partner;
  } else {
    yield waitDays(r.between(0, 12));
    yield registration(w, c, partner, firstContactAt);
    acceptedAt = w.clock.now;
    yield waitDays(r.between(0.1, 2));
    yield createdInCrm(w, c);
  }
  if (r.chance(w.profile.leadDropShare)) return;
  yield waitDays(r.between(2, 15));
  const winRate = tier === 'solution' ? 0.7 : 0.6;
  const won = yield* salesCycle(w, c, winRate, (openedAt, closeAt) => registeredDealFacts(w, c, partner, acceptedAt, openedAt, closeAt));
  if (won) yield* customerRevenue(w, c, w.clock.now + r.between(1, 20) * DAY_MS);
}

/**
 * What happens around a registered deal while it is open: the partner's own co-selling meetings; now
 * and then another partner trying to register the same account (a conflict); and, when the cycle
 * outlasts the 120-day protection, a re-registration — and rarely a third attempt, which the
 * programme refuses.
 */
function registeredDealFacts(
  w: DemoWorld,
  c: Customer,
  partner: RosterPartner,
  acceptedAt: number | null,
  openedAt: number,
  closeAt: number,
): TimedFact[] {
  const r = w.random;
  const facts: TimedFact[] = [];
  const meetings = r.int(0, 2);
  for (let i = 0; i < meetings; i++) {
    facts.push({ at: inCycle(w, openedAt, closeAt), emit: () => [touchpoint(w, c, partner, 'co_sell_meeting')] });
  }
  if (acceptedAt === null) return facts;
  const rival = r.chance(w.profile.rare.conflictingRegistration)
    ? pickActivePartner(w.activePartners, r, openedAt, () => true, partner.partnerId)
    : null;
  if (rival) {
    const at = Math.min(closeAt - HOUR_MS, Math.max(openedAt + HOUR_MS, acceptedAt + r.between(2, 60) * DAY_MS));
    const emit = (): Emission[] => {
      c.claimant = rival;
      return [registration(w, c, rival, at - r.between(0, 10) * DAY_MS)];
    };
    facts.push({ at, emit });
  }
  const expiry = acceptedAt + 120 * DAY_MS;
  let attemptAt = expiry + r.between(1, 15) * DAY_MS;
  for (let attempt = 2; attempt <= 3 && attemptAt < closeAt - HOUR_MS && r.chance(attempt === 2 ? 0.75 : 0.5); attempt++) {
    const at = attemptAt;
    facts.push({ at, emit: () => [registration(w, c, partner, at - r.between(0, 5) * DAY_MS)] });
    attemptAt = at + 120 * DAY_MS + r.between(1, 10) * DAY_MS;
  }
  return facts;
}
