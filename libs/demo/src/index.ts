/**
 * `ledger demo`: a realistic partner-programme history generated from a seed, appended exactly as
 * the ledger's write path would decide it — for trying the ledger out and for benchmarks.
 */
export { runDemo, choosePrefix, DemoAlreadyInStoreError } from './run-demo';
export type { RunDemoOptions, DemoReport } from './run-demo';
export { generateDemo } from './generator/demo-generator';
export type { Demo, DemoOptions } from './generator/demo-generator';
export type { DemoStep } from './generator/journey';
export { executeDemo } from './executor/demo-executor';
export type { DemoProgress, DemoRun, ExecuteDemoOptions } from './executor/demo-executor';
export type { DemoFigures } from './executor/demo-stats';
export { DEFAULT_PROFILE, denseProfile } from './profile/demo-profile';
export type { DemoProfile } from './profile/demo-profile';
