import type { RevenueModel } from '@ledger/domain/messages/vocabulary';
import { drawCurrency } from '../profile/demo-currencies';
import type { DemoProfile } from '../profile/demo-profile';
import type { Random } from '../random/random';
import { AccountIds, type DemoIds } from './demo-ids';
import { wait, type Emission, type Journey } from './journey';
import type { RosterPartner } from './partner-roster';
import type { Clock } from './scheduler';

/** Everything journeys share: the one random source, the clock, the programme's partners and ids. */
export interface DemoWorld {
  random: Random;
  profile: DemoProfile;
  ids: DemoIds;
  clock: Clock;
  /** Partners who ever bring a lead, in enrolment order. */
  activePartners: readonly RosterPartner[];
  /** Partner-introduced accounts per day per unit of productivity weight (from the sizing). */
  leadsPerWeightPerDay: number;
  nextAccountNumber: () => number;
}

/** How a customer buys: on its own from the website, or through a sales cycle. */
export type BuyingMotion = 'self_serve' | 'sales';

/** One customer account as the generator tracks it while its story is told. */
export interface Customer {
  accountId: string;
  ids: AccountIds;
  currency: string;
  model: RevenueModel;
  /** Monthly list price in USD; turned into a decimal amount once per payment (see `priceIn`). */
  monthlyUsd: number;
  /** The partner the generator expects the ledger to credit as sourced, if any. */
  owner: RosterPartner | null;
  /** A partner who believes it deserves the account and may open a dispute. */
  claimant: RosterPartner | null;
  /** Journeys still telling this account's story; it is released when the last one ends. */
  running: number;
}

export function newCustomer(w: DemoWorld, motion: BuyingMotion, owner: RosterPartner | null, boost = 1): Customer {
  const accountId = w.ids.account(w.nextAccountNumber());
  const r = w.random;
  const model: RevenueModel =
    motion === 'self_serve'
      ? r.weighted({ monthly_subscription: 0.7, usage: 0.3 })
      : r.weighted({ annual_subscription: 0.4, monthly_subscription: 0.25, usage: 0.2, outcome: 0.15 });
  const monthlyUsd = motion === 'self_serve' ? Math.max(15, r.logNormal(99, 0.7)) : Math.max(200, r.logNormal(1200, 0.8) * boost);
  return { accountId, ids: new AccountIds(accountId), currency: drawCurrency(r), model, monthlyUsd, owner, claimant: null, running: 0 };
}

/**
 * Runs `journey` as part of the customer's story: the account stays "under way" until every such
 * journey has ended, and the last one to end releases it (its owner forgets it as a protection
 * candidate, and the executor may drop its state). Counted at creation, not at start, so a journey
 * scheduled for later keeps the account alive meanwhile.
 */
export function partOf(customer: Customer, journey: Journey): Journey {
  customer.running++;
  return (function* (): Journey {
    yield* journey;
    customer.running--;
    if (customer.running > 0) return;
    customer.owner?.liveAccounts.delete(customer.accountId);
    yield { kind: 'release', accountId: customer.accountId };
  })();
}

/** The present as commands carry it. */
export function nowIso(w: DemoWorld): string {
  return new Date(w.clock.now).toISOString();
}

/** Waits until business time `at` (at once if it has passed). */
export function until(w: DemoWorld, at: number): Emission {
  return wait(at - w.clock.now);
}

/**
 * Emits timed side facts in time order (ties in listing order). Each fact is built when its time
 * comes, so its random draws happen in a fixed order.
 */
export function* timeline(w: DemoWorld, facts: { at: number; emit: () => Emission[] }[]): Generator<Emission, void, void> {
  const ordered = facts.map((f, i) => ({ ...f, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  for (const fact of ordered) {
    yield until(w, fact.at);
    yield* fact.emit();
  }
}
