import { initialPartnerState, streams, type LedgerEvent, type PartnerState, type PlanBook } from '@ledger/domain';
import { AGGREGATES } from '@ledger/core/commands/aggregates';
import { ContextSource, type PartnersAndPlans } from '@ledger/core/commands/context-source';
import { toLedgerEvent } from '@ledger/core/commands/to-ledger-event';
import type { EventStore } from '@ledger/event-store/port';

/** What the executor keeps of one stream: its state folded so far and its last revision. */
export interface StreamMemory {
  state: unknown;
  /** Revision of the stream's last event, −1 while it has none. */
  revision: number;
  /** Lookup keys the stream claimed (`payment:…`), forgotten with it. */
  keys: string[];
}

/**
 * The ledger as the demo's later decisions need it, in memory: every stream the demo writes, folded
 * with the domain's own `evolve` as its events are decided, and the lookup keys they claimed.
 * Streams other writers share (`plans`, `protected-accounts`) are read from the store first, so the
 * demo's decisions build on what is already there. A customer account is forgotten once the
 * generator says no later command names it, which keeps memory bounded by the accounts under way.
 */
export class LedgerMemory {
  private readonly memory = new Map<string, StreamMemory>();
  private readonly keys = new Map<string, string>();
  /** Context for decisions, answered from memory wherever memory knows the stream. */
  readonly context: ContextSource;

  private constructor(private readonly store: EventStore) {
    this.context = new MemoryContextSource(store, this);
  }

  static async load(store: EventStore): Promise<LedgerMemory> {
    const memory = new LedgerMemory(store);
    await memory.adopt(streams.plans(), AGGREGATES.plans.initial(undefined as never), AGGREGATES.plans.evolve);
    await memory.adopt(streams.protection(), AGGREGATES.protection.initial(undefined as never), AGGREGATES.protection.evolve);
    return memory;
  }

  get(streamId: string): StreamMemory | undefined {
    return this.memory.get(streamId);
  }

  /**
   * The stream's memory; for a stream the demo has not written yet, a fresh one started from
   * `initial`, kept only once a command records something on it (so a refused command leaves no trace).
   */
  open(streamId: string, initial: () => unknown): StreamMemory {
    return this.memory.get(streamId) ?? { state: initial(), revision: -1, keys: [] };
  }

  /** Folds a decided command's events into `entry` and claims its keys, as the append will in the store. */
  commit(
    streamId: string,
    entry: StreamMemory,
    events: readonly LedgerEvent[],
    keys: readonly string[],
    evolve: (s: unknown, e: LedgerEvent) => unknown,
  ): void {
    for (const key of keys) {
      const owner = this.keys.get(key);
      if (owner !== undefined && owner !== streamId) throw new Error(`key ${key} already belongs to stream ${owner}`);
    }
    this.memory.set(streamId, entry);
    entry.state = events.reduce(evolve, entry.state);
    entry.revision += events.length;
    for (const key of keys.filter((k) => !this.keys.has(k))) {
      entry.keys.push(key);
      this.keys.set(key, streamId);
    }
  }

  /** The stream that claimed a lookup key: memory first, then the store (for keys claimed before the demo). */
  async locate(key: string): Promise<string | null> {
    return this.keys.get(key) ?? this.store.lookupKey(key);
  }

  /** Forgets an account no later command names. */
  release(accountId: string): void {
    const streamId = streams.account(accountId);
    const entry = this.memory.get(streamId);
    if (!entry) return;
    for (const key of entry.keys) this.keys.delete(key);
    this.memory.delete(streamId);
  }

  /** Streams currently held in memory (for the memory-bound check). */
  get size(): number {
    return this.memory.size;
  }

  private async adopt(streamId: string, initial: unknown, evolve: (s: unknown, e: LedgerEvent) => unknown): Promise<void> {
    const history = await this.store.readStream(streamId);
    const state = history.map(toLedgerEvent).reduce(evolve, initial);
    const revision = history.length === 0 ? -1 : history[history.length - 1]!.streamRevision;
    this.memory.set(streamId, { state, revision, keys: [] });
  }
}

/**
 * The application's {@link ContextSource} with partners and plans answered from memory (they
 * include every decision made so far, exactly what a sequential run would have committed). Account
 * histories still come from the store: only the quarterly review needs them, and the executor lets
 * every pending append land before it runs one.
 */
class MemoryContextSource extends ContextSource {
  constructor(
    store: EventStore,
    private readonly memory: LedgerMemory,
  ) {
    super(store);
  }

  override async partners(partnerIds: readonly string[]): Promise<ReadonlyMap<string, PartnerState>> {
    const unknown = partnerIds.filter((id) => !this.memory.get(streams.partner(id)));
    const fromStore = unknown.length > 0 ? await super.partners(unknown) : new Map<string, PartnerState>();
    return new Map(
      partnerIds.map((id) => {
        const known = this.memory.get(streams.partner(id))?.state as PartnerState | undefined;
        return [id, known ?? fromStore.get(id) ?? initialPartnerState(id)] as const;
      }),
    );
  }

  override async plans(): Promise<PlanBook> {
    return this.memory.get(streams.plans())!.state as PlanBook;
  }

  override async partnersAndPlans(partnerIds: readonly string[]): Promise<PartnersAndPlans> {
    const [partners, plans] = await Promise.all([this.partners(partnerIds), this.plans()]);
    return { partners, plans };
  }
}
