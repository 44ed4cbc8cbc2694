import type { LedgerEvent } from '../messages/events';
import { toMs } from '../shared/time';
import { DEFAULT_PLAN, type Plan, type PublishedPlan } from './plan';

/** Every plan version ever published (folded from the `plans` stream), plus the built-in default. */
export interface PlanBook {
  plans: readonly PublishedPlan[];
}

export function initialPlanBook(): PlanBook {
  return { plans: [{ ...DEFAULT_PLAN, eventId: null, arrival: 0 }] };
}

export function evolvePlans(book: PlanBook, event: LedgerEvent): PlanBook {
  if (event.type !== 'CommissionPlanPublished') return book;
  const { planId, version, effectiveFrom, rates, influencedFactor, basis } = event.data;
  const published: PublishedPlan = {
    planId,
    version,
    effectiveFrom,
    rates,
    influencedFactor,
    basis,
    eventId: event.eventId,
    arrival: book.plans.length,
  };
  return { plans: [...book.plans, published] };
}

/**
 * The plan in force at `at`: the latest `effectiveFrom` not after `at`; equal instants go to the
 * higher version, then to the later arrival (docs/decisions.md, "Plans"). Before every plan's start,
 * the built-in default applies, so a rule can always name the plan it used.
 */
export function planAt(book: PlanBook, at: string): PublishedPlan {
  const atMs = toMs(at);
  let inForce: PublishedPlan | null = null;
  for (const plan of book.plans) {
    if (toMs(plan.effectiveFrom) > atMs) continue;
    if (inForce === null || supersedes(plan, inForce)) inForce = plan;
  }
  return inForce ?? { ...DEFAULT_PLAN, eventId: null, arrival: 0 };
}

function supersedes(candidate: PublishedPlan, current: PublishedPlan): boolean {
  const delta = toMs(candidate.effectiveFrom) - toMs(current.effectiveFrom);
  if (delta !== 0) return delta > 0;
  if (candidate.version !== current.version) return candidate.version > current.version;
  return candidate.arrival > current.arrival;
}

/** The highest version published so far under `planId` (0 when none). */
export function latestVersionOf(book: PlanBook, planId: string): number {
  return book.plans.filter((plan) => plan.planId === planId).reduce((max, plan) => Math.max(max, plan.version), 0);
}

export function hasVersion(book: PlanBook, planId: string, version: number): boolean {
  return book.plans.some((plan) => plan.planId === planId && plan.version === version);
}

export type { Plan, PublishedPlan };
