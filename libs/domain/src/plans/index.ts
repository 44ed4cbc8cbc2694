export { DEFAULT_PLAN } from './plan';
export type { Plan, PublishedPlan } from './plan';
export { initialPlanBook, evolvePlans, planAt, latestVersionOf } from './plan-book';
export type { PlanBook } from './plan-book';
export { decidePlans } from './plans.decide';
