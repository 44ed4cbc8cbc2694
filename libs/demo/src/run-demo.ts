import { streams } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store/port';
import { executeDemo, type DemoProgress } from './executor/demo-executor';
import type { DemoFigures } from './executor/demo-stats';
import { DemoIds } from './generator/demo-ids';
import { generateDemo } from './generator/demo-generator';
import type { DemoProfile } from './profile/demo-profile';

export interface RunDemoOptions {
  seed: number;
  targetEvents: number;
  concurrency: number;
  /** When the store already holds this seed's demo: write another copy under a fresh prefix instead of refusing. */
  force?: boolean;
  actor?: string;
  profile?: DemoProfile;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoReport extends DemoFigures {
  seed: number;
  prefix: string;
  store: EventStore['name'];
  targetEvents: number;
  elapsedMs: number;
  eventsPerSecond: number;
  commandsTaken: number;
  peakStreamsInMemory: number;
}

/** The store already holds the demo of this seed; nothing was appended. */
export class DemoAlreadyInStoreError extends Error {
  constructor(
    readonly seed: number,
    readonly prefix: string,
  ) {
    super(
      `the store already holds the demo of seed ${seed} (ids ${prefix}-…); ` +
        `choose another --seed, or add --force to append another copy under a fresh id prefix`,
    );
    this.name = 'DemoAlreadyInStoreError';
  }
}

/**
 * `ledger demo`: picks the id prefix (refusing a seed already in the store unless forced), then
 * generates the seed's programme history and appends it until at least `targetEvents` events.
 */
export async function runDemo(store: EventStore, options: RunDemoOptions): Promise<DemoReport> {
  const prefix = await choosePrefix(store, options.seed, options.force ?? false);
  const demo = generateDemo({ seed: options.seed, targetEvents: options.targetEvents, prefix, profile: options.profile });
  const run = await executeDemo(store, demo.steps, {
    targetEvents: options.targetEvents,
    concurrency: options.concurrency,
    actor: options.actor,
    onProgress: options.onProgress,
  });
  return {
    seed: options.seed,
    prefix,
    store: store.name,
    targetEvents: options.targetEvents,
    ...run.figures,
    elapsedMs: run.elapsedMs,
    eventsPerSecond: Math.round((run.figures.events * 1000) / Math.max(1, run.elapsedMs)),
    commandsTaken: run.commandsTaken,
    peakStreamsInMemory: run.peakStreamsInMemory,
  };
}

/**
 * `demo<seed>`, or with `force` the first free `demo<seed>r2`, `r3`… A prefix is taken when its
 * first partner's stream exists or its first plan version was published (the history's first command).
 */
export async function choosePrefix(store: EventStore, seed: number, force: boolean): Promise<string> {
  const base = DemoIds.forSeed(seed);
  if (!(await holdsDemo(store, base))) return base.prefix;
  if (!force) throw new DemoAlreadyInStoreError(seed, base.prefix);
  for (let copy = 2; copy <= 999; copy++) {
    const ids = new DemoIds(`${base.prefix}r${copy}`);
    if (!(await holdsDemo(store, ids))) return ids.prefix;
  }
  throw new Error(`the store already holds 999 copies of the demo of seed ${seed}`);
}

async function holdsDemo(store: EventStore, ids: DemoIds): Promise<boolean> {
  const [partner] = await store.readStream(streams.partner(ids.partner(1)), { maxCount: 1 });
  if (partner) return true;
  return (await store.findCommand(`PublishCommissionPlan:${ids.plan()}@1`)) !== null;
}
