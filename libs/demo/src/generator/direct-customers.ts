import { newCustomer, partOf, type Customer, type DemoWorld } from './demo-world';
import { DAY_MS, spawn, waitDays, type Journey } from './journey';
import { pickActivePartner, tierAt } from './partner-roster';
import { customerRevenue } from './revenue-journey';
import { createdInCrm, directContact, registration, salesCycle, signup, touchpoint } from './sales-cycle';

/**
 * Customers who come without a partner, arriving as a Poisson process whose rate grows with the
 * business (from 0.6× to 1.4× the average over the planned history, then flat).
 */
export function* directArrivals(w: DemoWorld, perDay: number): Journey {
  const start = Date.parse(w.profile.start);
  const horizon = w.profile.horizonDays * DAY_MS;
  for (;;) {
    const growth = 0.6 + 0.8 * Math.min(1, (w.clock.now - start) / horizon);
    yield waitDays(w.random.exponential(1 / (perDay * growth)));
    const selfServe = w.random.chance(0.45);
    const c = newCustomer(w, selfServe ? 'self_serve' : 'sales', null);
    yield spawn(partOf(c, directCustomer(w, c, selfServe)));
  }
}

/**
 * The account is in the CRM and sales talks to it first. Self-serve customers sign up and pay; the
 * others go through a sales cycle, in which a partner sometimes helps (influenced credit). A lost
 * deal is sometimes brought back months later by a partner: a dormant lead it then sources.
 */
function* directCustomer(w: DemoWorld, c: Customer, selfServe: boolean): Journey {
  const r = w.random;
  yield createdInCrm(w, c);
  yield waitDays(r.between(0.05, 3));
  yield directContact(w, c);
  if (selfServe) {
    yield waitDays(r.between(0.1, 10));
    yield signup(w, c);
    return yield* customerRevenue(w, c, w.clock.now + r.between(7, 21) * DAY_MS);
  }
  yield waitDays(r.between(1, 10));
  if (r.chance(w.profile.rare.conflictingRegistration / 2)) {
    // A referral partner who met the customer too registers the deal, after sales' contact: it loses.
    const late = pickActivePartner(w.activePartners, r, w.clock.now, (p) => tierAt(p, w.clock.now) === 'referral');
    if (late) {
      yield registration(w, c, late, w.clock.now - r.between(1, 5) * DAY_MS);
      c.claimant = late;
    }
  }
  if (yield* salesCycle(w, c, 0.5)) return yield* customerRevenue(w, c, w.clock.now + r.between(1, 20) * DAY_MS);
  if (!r.chance(w.profile.rare.dormantRevival)) return;
  yield waitDays(r.between(60, 300));
  yield* revival(w, c);
}

/**
 * A partner reopens a lost account: it is in the CRM but has no open opportunity, so the partner's
 * introduction (a co-selling intro or a registered deal) makes it the sourced partner (dormant lead).
 */
function* revival(w: DemoWorld, c: Customer): Journey {
  const r = w.random;
  const partner = pickActivePartner(w.activePartners, r, w.clock.now, (p) => tierAt(p, w.clock.now) !== 'referral');
  if (!partner) return;
  c.owner = partner;
  c.claimant = null;
  partner.liveAccounts.add(c.accountId);
  if (r.chance(0.5)) yield registration(w, c, partner, w.clock.now - r.between(0, 3) * DAY_MS);
  else yield touchpoint(w, c, partner, 'co_sell_intro');
  yield waitDays(r.between(2, 15));
  if (yield* salesCycle(w, c, 0.6)) yield* customerRevenue(w, c, w.clock.now + r.between(1, 20) * DAY_MS);
}
