import {
  START,
  type Checkpoint,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../port';
import type { HarnessStoreOptions, StoreHarness } from './store-harness';

/** A valid event with defaults; a test overrides only what it is about. */
export function anEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    type: 'ContractEventRecorded',
    occurredAt: '2026-03-01T10:00:00.000Z',
    data: { note: 'contract' },
    ...overrides,
  };
}

/** `count` valid events whose data carries their index, so that order and identity can be checked. */
export function someEvents(count: number, label = 'e'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => anEvent({ data: { label, index: i } }));
}

/** Runs `fn` against a fresh store and always destroys it, so a failing test leaks nothing. */
export async function withStore<T>(
  harness: StoreHarness,
  fn: (store: EventStore) => Promise<T>,
  options?: HarnessStoreOptions,
): Promise<T> {
  const store = await harness.create(options);
  try {
    return await fn(store);
  } finally {
    await harness.destroy(store);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `condition` holds; fails loudly instead of letting Jest time out without a reason. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * Waits until the global log shows everything up to `checkpoint` (an append's). The log may trail
 * an append for a moment: PostgreSQL readers see a transaction only once every older transaction
 * in the cluster has ended, so that no reader ever skips a late committer (SPEC §2).
 */
export async function untilReadable(
  store: EventStore,
  checkpoint: Checkpoint | null,
  timeoutMs = 20_000,
): Promise<void> {
  if (!checkpoint) throw new Error('the append returned no checkpoint to wait for');
  const deadline = Date.now() + timeoutMs;
  while (compareCheckpoints(await store.headCheckpoint(), checkpoint) < 0) {
    if (Date.now() > deadline)
      throw new Error(`the log did not show the append within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** The settled outcome of a promise, so a test can assert on a rejection's type and fields. */
export async function outcomeOf<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

export function checkpointOf(event: RecordedEvent): Checkpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

/** Commit order: by transaction (or commit position) first, then by position within it. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.globalPosition !== b.globalPosition) return a.globalPosition < b.globalPosition ? -1 : 1;
  return 0;
}

/** Every readable event of the log, page by page from the start. */
export async function readWholeLog(store: EventStore, limit = 500): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let after: Checkpoint = START;
  for (;;) {
    const page = await store.readAll({ after, limit });
    if (page.events.length === 0) return all;
    all.push(...page.events);
    after = page.checkpoint;
  }
}

/** Index of the first event that is not strictly after its predecessor in commit order, or −1. */
export function firstOrderViolation(events: RecordedEvent[]): number {
  for (let i = 1; i < events.length; i++) {
    if (compareCheckpoints(checkpointOf(events[i - 1]!), checkpointOf(events[i]!)) >= 0) return i;
  }
  return -1;
}

export function duplicatesOf(values: string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const v of values) (seen.has(v) ? duplicates : seen).add(v);
  return [...duplicates];
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ISO_UTC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
