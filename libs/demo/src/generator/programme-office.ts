import { DEFAULT_PLAN } from '@ledger/domain/plans/plan';
import type { RateTable } from '@ledger/domain/messages/vocabulary';
import { PROTECTED_ACCOUNTS_LIMIT } from '@ledger/domain/program/rules';
import { nowIso, until, type DemoWorld } from './demo-world';
import { DAY_MS, HOUR_MS, send, spawn, type Journey } from './journey';
import { isActiveAt, tierAt, type RosterPartner } from './partner-roster';

/**
 * The second year's plan: a little more for every tier, and commissions on net revenue, because
 * the product's model API costs are now passed through to usage and outcome customers.
 */
const SECOND_YEAR_RATES: RateTable = {
  referral: { monthly_subscription: '0.12', annual_subscription: '0.12', usage: '0.10', outcome: '0.10' },
  integration: { monthly_subscription: '0.22', annual_subscription: '0.22', usage: '0.20', outcome: '0.20' },
  solution: { monthly_subscription: '0.32', annual_subscription: '0.32', usage: '0.30', outcome: '0.38' },
};

/**
 * The programme office's routine: publish the plan at launch and a second version a year later;
 * each quarter, collect the solution partners' protected-account lists in its first weeks, and
 * review them once the quarter is over (accounts without pipeline movement lose protection).
 */
export function* programmeOffice(w: DemoWorld, partners: readonly RosterPartner[]): Journey {
  const start = Date.parse(w.profile.start);
  const planId = w.ids.plan();
  yield send('PublishCommissionPlan', { planId, version: 1, effectiveFrom: nowIso(w), ...planTerms(DEFAULT_PLAN.rates, '0.5', 'gross') });
  yield spawn(secondPlan(w, planId), 365 * DAY_MS);
  for (let quarter = quarterOf(start); ; quarter = nextQuarter(quarter)) {
    yield until(w, quarter.start + 3 * DAY_MS);
    for (const partner of partners) {
      if (partner.liveAccounts.size > 0) yield spawn(protectedList(w, partner, quarter.name), w.random.between(0, 10) * DAY_MS);
    }
    const next = nextQuarter(quarter);
    yield until(w, next.start + 3 * HOUR_MS);
    yield send('ReviewProtectedAccounts', { reviewId: w.ids.review(quarter.name), quarter: quarter.name });
  }
}

function* secondPlan(w: DemoWorld, planId: string): Journey {
  yield send('PublishCommissionPlan', { planId, version: 2, effectiveFrom: nowIso(w), ...planTerms(SECOND_YEAR_RATES, '0.4', 'net') });
}

function planTerms(rates: RateTable, influencedFactor: string, basis: 'gross' | 'net') {
  return { rates: JSON.parse(JSON.stringify(rates)) as RateTable, influencedFactor, basis };
}

/**
 * A solution partner's list for the quarter: its most recent accounts still under way, at most 50.
 * Only partners who are solution tier and still in the programme when they submit send one.
 */
function* protectedList(w: DemoWorld, partner: RosterPartner, quarter: string): Journey {
  const now = w.clock.now;
  if (tierAt(partner, now) !== 'solution' || !isActiveAt(partner, now)) return;
  const accountIds = [...partner.liveAccounts].slice(-PROTECTED_ACCOUNTS_LIMIT);
  if (accountIds.length === 0) return;
  yield send('SubmitProtectedAccounts', { partnerId: partner.partnerId, submissionId: `list-${quarter}`, quarter, accountIds, submittedAt: nowIso(w) });
}

interface Quarter {
  name: string;
  start: number;
}

function quarterOf(at: number): Quarter {
  const d = new Date(at);
  const q = Math.floor(d.getUTCMonth() / 3);
  return { name: `${d.getUTCFullYear()}-Q${q + 1}`, start: Date.UTC(d.getUTCFullYear(), q * 3, 1) };
}

function nextQuarter(quarter: Quarter): Quarter {
  const d = new Date(quarter.start);
  return quarterOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1));
}
