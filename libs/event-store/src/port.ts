/**
 * The event store port. Every adapter (PGlite, PostgreSQL, EventStoreDB) implements exactly this
 * interface and passes the shared contract suite in `testing/contract-suite.ts`.
 *
 * Vocabulary:
 * - A *stream* is the ordered history of one consistency boundary (`partner-p1`, `account-a1`).
 *   Its first event has revision 0.
 * - The *global log* is every event of every stream in commit order. It is read with a
 *   {@link Checkpoint}, never with a bare sequence number, because sequence numbers are handed out
 *   before commit and concurrent transactions commit out of sequence order.
 */

/** A JSON value as it is stored: no undefined, no functions, no NaN. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * What the appender expects of the stream before its events are written:
 * - `any`: no check;
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: the stream must have at least one event;
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** Who and what caused an event. The store adds `schemaVersion`, `hash` and `prevHash`. */
export interface EventMetadataInput {
  commandId?: string;
  causationId?: string;
  correlationId?: string;
  actor?: string;
}

export interface EventMetadata extends EventMetadataInput {
  schemaVersion: number;
  /** sha256(prevHash ‖ canonical JSON of the event), hex. */
  hash: string;
  /** The hash of the previous event of the same stream; 64 zeros for revision 0. */
  prevHash: string;
}

/** An event as an appender hands it to the store. */
export interface NewEvent {
  /** A uuid. Omit it and the store assigns a random one. */
  eventId?: string;
  type: string;
  /** Business time, ISO-8601 UTC (`2026-03-01T10:00:00.000Z`), from the emitter of the fact. */
  occurredAt: string;
  data: JsonObject;
  metadata?: EventMetadataInput;
  /** The shape version of `data`; 1 when omitted. */
  schemaVersion?: number;
}

/** An event as the store returns it. */
export interface RecordedEvent {
  eventId: string;
  type: string;
  streamId: string;
  streamRevision: number;
  /** Sequence number assigned at insert; unique and increasing, but not in commit order. */
  globalPosition: bigint;
  /** Commit-order key: the writing transaction's id (PostgreSQL) or commit position (EventStoreDB). */
  transactionId: bigint;
  occurredAt: string;
  /** Ledger time: when the store appended the event, ISO-8601 UTC. */
  recordedAt: string;
  data: JsonObject;
  metadata: EventMetadata;
}

/**
 * A position in the global log, in commit order. Readers resume strictly after it.
 * `{ transactionId: 0n, globalPosition: 0n }` is the start of the log.
 */
export interface Checkpoint {
  transactionId: bigint;
  globalPosition: bigint;
}

export const START: Checkpoint = Object.freeze({ transactionId: 0n, globalPosition: 0n });

/**
 * Durable idempotency for one command: stored in the same transaction as its events.
 * Re-appending with the same `commandId` and `inputHash` appends nothing and returns the first
 * append's result (`duplicate: true`); the same `commandId` with another `inputHash` throws
 * {@link IdempotencyConflictError}.
 */
export interface CommandRecord {
  commandId: string;
  /** sha256 of the command's canonical input, hex. */
  inputHash: string;
  /** What the command answered; returned verbatim on a duplicate. */
  result: JsonObject;
}

export interface AppendOptions {
  expected: ExpectedRevision;
  command?: CommandRecord;
  /**
   * Unique lookup keys claimed in the same transaction (`payment:p1` → this stream), so that a
   * command that names only a payment id can find the account stream that holds it.
   * Claiming a key already claimed by another stream throws {@link DuplicateKeyError}.
   */
  keys?: string[];
}

export interface AppendResult {
  /** The revision of the stream's last event after the append (−1 if the stream is still empty). */
  nextExpectedRevision: number;
  eventIds: string[];
  /** The stored result when this was a duplicate of an earlier command, else the given one. */
  result: JsonObject | null;
  duplicate: boolean;
  /** Checkpoint of the last appended event, to wait for projections to reach it. */
  checkpoint: Checkpoint | null;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  maxCount?: number;
  /** Only events recorded at or before this ledger time (ISO-8601): what the ledger knew then. */
  knownAt?: string;
}

/** What a read of several whole streams at once may ask: the streams as the ledger knew them then. */
export type ReadStreamsOptions = Pick<ReadStreamOptions, 'knownAt'>;

export interface ReadAllOptions {
  /** Read strictly after this checkpoint; the start of the log when omitted. */
  after?: Checkpoint;
  /** At most this many events (default 1000). */
  limit?: number;
  /**
   * `false`: every event comes with empty metadata (`{}`), for readers that never look at it, such as
   * the projections: the store need not read nor parse it (on the demo log, metadata is 348 of the
   * 482 bytes of JSON an event carries). Upcasters still see it. Default `true`.
   */
  metadata?: boolean;
}

export interface ReadAllPage {
  events: RecordedEvent[];
  /** Where the next page starts: the last event's checkpoint, or `after` when the page is empty. */
  checkpoint: Checkpoint;
}

export interface SubscribeOptions {
  from?: Checkpoint;
  batchSize?: number;
  /** Called with each page in commit order; the next page is read after it resolves. */
  onEvents: (events: RecordedEvent[], checkpoint: Checkpoint) => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once the subscriber has stopped and its current handler call has finished. */
  stop(): Promise<void>;
}

/** One finding of {@link EventStore.verifyIntegrity}. */
export interface IntegrityProblem {
  kind: 'hash_mismatch' | 'broken_link' | 'revision_gap' | 'stream_head_mismatch' | 'seal_mismatch';
  streamId?: string;
  streamRevision?: number;
  globalPosition?: bigint;
  detail: string;
}

export interface IntegrityReport {
  ok: boolean;
  eventsChecked: number;
  sealsChecked: number;
  problems: IntegrityProblem[];
}

/** A seal chains the hashes of every event up to a checkpoint, in commit order. */
export interface Seal {
  sealNumber: number;
  upTo: Checkpoint;
  eventCount: number;
  hash: string;
  prevHash: string;
}

/**
 * Upcasts an old shape of an event's data to the current one. Pure; applied on every read,
 * never written back. Receives the stored event and returns it with `data` and
 * `metadata.schemaVersion` brought up to date.
 */
export type Upcaster = (event: RecordedEvent) => RecordedEvent;

export interface EventStore {
  /** The adapter's name, as benchmarks and `/health` print it. */
  readonly name: 'pglite' | 'postgres' | 'eventstoredb';

  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** The stream's events in revision order; an empty array for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Several whole streams at once, each exactly as {@link readStream} would return it: one entry
   * per requested id (an empty array for a stream that does not exist), in revision order.
   */
  readStreams(
    streamIds: readonly string[],
    options?: ReadStreamsOptions,
  ): Promise<Map<string, RecordedEvent[]>>;
  /** The global log in commit order, from after a checkpoint; never skips an event. */
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;
  /** Catch-up subscription: reads pages from `from`, then keeps following the log. */
  subscribe(options: SubscribeOptions): Subscription;
  /** The stored record of a command, or null. */
  findCommand(commandId: string): Promise<CommandRecord | null>;
  /** The stream that claimed a lookup key, or null. */
  lookupKey(key: string): Promise<string | null>;
  /** The checkpoint of the last event readers can see now (START when the log is empty). */
  headCheckpoint(): Promise<Checkpoint>;
  /** Extends the seal chain over every readable event not yet sealed. Returns new seals. */
  seal(options?: { maxEventsPerSeal?: number }): Promise<Seal[]>;
  /** Recomputes every stream's hash chain and every seal; names the first broken place of each. */
  verifyIntegrity(): Promise<IntegrityReport>;
  /** Reachability check for `/health`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
