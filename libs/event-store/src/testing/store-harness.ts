import type { EventStore, JsonObject, Upcaster } from '../port';

/** What a harness may ask of a fresh store beyond its defaults. */
export interface HarnessStoreOptions {
  upcast?: Upcaster;
  /** Runs inside the append, just before it commits: lets a test make commits land out of order. */
  beforeCommit?: () => Promise<void>;
}

/**
 * Raw database access as a DBA would have it, to prove that the store's guards hold (the first two
 * must be refused) and that tampering behind its back is found (the last three bypass the guard).
 */
export interface RawStoreAccess {
  /** An ordinary UPDATE of one event; expected to be refused by the database. */
  tryUpdateEvent(store: EventStore, globalPosition: bigint): Promise<void>;
  /** An ordinary DELETE of one event; expected to be refused by the database. */
  tryDeleteEvent(store: EventStore, globalPosition: bigint): Promise<void>;
  /** Rewrites an event's stored data, bypassing the append-only guard and leaving its hash as is. */
  editEventData(
    store: EventStore,
    streamId: string,
    revision: number,
    data: JsonObject,
  ): Promise<void>;
  /** Removes one event, bypassing the append-only guard. */
  deleteEvent(store: EventStore, streamId: string, revision: number): Promise<void>;
  /** Exchanges the revisions of two events of one stream, bypassing the append-only guard. */
  swapRevisions(store: EventStore, streamId: string, revA: number, revB: number): Promise<void>;
}

/** How the shared contract suite gets isolated stores of one adapter. */
export interface StoreHarness {
  name: 'pglite' | 'postgres' | 'eventstoredb';
  /** A fresh empty store, isolated from every other test. */
  create(options?: HarnessStoreOptions): Promise<EventStore>;
  destroy(store: EventStore): Promise<void>;
  /** Absent where the store cannot be tampered with from here. */
  raw?: RawStoreAccess;
}
