import { EventStoreDBClient } from '@eventstore/db-client';
import {
  START,
  type AppendOptions,
  type AppendResult,
  type Checkpoint,
  type CommandRecord,
  type EventStore,
  type IntegrityReport,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllPage,
  type ReadStreamOptions,
  type ReadStreamsOptions,
  type RecordedEvent,
  type Seal,
  type SubscribeOptions,
  type Subscription,
  type Upcaster,
} from '../port';
import { withoutMetadataIf } from '../lean-events';
import { appendEvents, type AppendContext } from './esdb-append';
import { CommandRecords, KeyRegistry } from './esdb-bookkeeping';
import { checkpointOfEvent, decodeResolved, type DecodedEvent } from './esdb-codec';
import { sealLog, verifyLog } from './esdb-integrity';
import { lastLedgerCheckpoint, readLogPage, readStoredStream } from './esdb-reads';
import { subscribeToLog } from './esdb-subscription';
import { StreamNames } from './stream-names';

export interface EventStoreDbOptions {
  /** `esdb://host:2113?tls=false`, as EventStoreDB clients take it. */
  connectionString: string;
  upcast?: Upcaster;
  /**
   * Prefix of every stream this store reads and writes, so that isolated stores (tests, tenants)
   * can share one database. Empty by default: the stream names are the ledger's own.
   */
  namespace?: string;
  hooks?: { beforeCommit?: () => Promise<void> };
  /** How long a caught-up subscriber waits between reads when no live notification arrives. */
  pollIntervalMs?: number;
}

const DEFAULT_PAGE = 1000;

/** The ledger's event store on EventStoreDB (v22.6 or later, for event positions on stream reads). */
export class EventStoreDbEventStore implements EventStore {
  readonly name = 'eventstoredb' as const;
  private readonly names: StreamNames;
  private readonly commands: CommandRecords;
  private readonly keys: KeyRegistry;
  private readonly upcast: Upcaster;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbOptions,
  ) {
    this.names = new StreamNames(options.namespace ?? '');
    this.commands = new CommandRecords(client, this.names);
    this.keys = new KeyRegistry(client, this.names);
    this.upcast = options.upcast ?? ((event) => event);
  }

  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const context: AppendContext = {
      client: this.client,
      names: this.names,
      commands: this.commands,
      keys: this.keys,
      beforeCommit: this.options.hooks?.beforeCommit,
      now: () => new Date(),
    };
    return appendEvents(context, streamId, events, options);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const fromRevision = options.fromRevision ?? 0;
    if (!Number.isSafeInteger(fromRevision) || fromRevision < 0) {
      throw new RangeError(`fromRevision must be a revision >= 0, got ${String(fromRevision)}`);
    }
    // knownAt filters by ledger time, so the count can only be applied after filtering.
    const knownAtMs = options.knownAt === undefined ? null : Date.parse(options.knownAt);
    if (knownAtMs !== null && Number.isNaN(knownAtMs))
      throw new RangeError(`knownAt must be an ISO-8601 instant, got ${options.knownAt}`);
    const records = await readStoredStream(this.client, this.names.ofStream(streamId), {
      fromRevision: BigInt(fromRevision),
      maxCount: knownAtMs === null ? options.maxCount : undefined,
    });
    const known = records
      .map((r) => decodeResolved(r, this.names))
      .filter((d): d is DecodedEvent => d !== null)
      .filter((d) => knownAtMs === null || Date.parse(d.event.recordedAt) <= knownAtMs);
    const limited = options.maxCount === undefined ? known : known.slice(0, options.maxCount);
    return limited.map((d) => this.upcast(d.event));
  }

  /** EventStoreDB reads one stream per call, so the streams are read side by side. */
  async readStreams(
    streamIds: readonly string[],
    options: ReadStreamsOptions = {},
  ): Promise<Map<string, RecordedEvent[]>> {
    const unique = [...new Set(streamIds)];
    const streams = await Promise.all(unique.map((id) => this.readStream(id, options)));
    return new Map(unique.map((id, i) => [id, streams[i]!]));
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const after = options.after ?? START;
    const decoded = await readLogPage(
      this.client,
      this.names,
      after,
      options.limit ?? DEFAULT_PAGE,
    );
    // EventStoreDB sends metadata with every record; a reader that wants none gets it left out.
    const events = decoded.map((d) =>
      withoutMetadataIf(options.metadata === false, this.upcast(d.event)),
    );
    const last = decoded[decoded.length - 1];
    return { events, checkpoint: last ? checkpointOfEvent(last.event) : after };
  }

  subscribe(options: SubscribeOptions): Subscription {
    const inner = subscribeToLog(
      {
        client: this.client,
        names: this.names,
        readAll: (after: Checkpoint, limit: number) => this.readAll({ after, limit }),
        pollIntervalMs: this.options.pollIntervalMs ?? 250,
      },
      options,
    );
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await inner.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    const stored = await this.commands.find(commandId);
    return stored
      ? { commandId: stored.commandId, inputHash: stored.inputHash, result: stored.result }
      : null;
  }

  lookupKey(key: string): Promise<string | null> {
    return this.keys.ownerOf(key);
  }

  headCheckpoint(): Promise<Checkpoint> {
    return lastLedgerCheckpoint(this.client, this.names);
  }

  seal(options: { maxEventsPerSeal?: number } = {}): Promise<Seal[]> {
    return sealLog(this.client, this.names, options.maxEventsPerSeal);
  }

  verifyIntegrity(): Promise<IntegrityReport> {
    return verifyLog(this.client, this.names);
  }

  async ping(): Promise<void> {
    // Any read answers the question; a missing stream is an answer too.
    await readStoredStream(this.client, this.names.seals, { backwards: true, maxCount: 1 });
  }

  /** Stops this store's subscriptions (letting running handlers finish), then disconnects. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}

/**
 * Connects to EventStoreDB. The client connects lazily, so this pings once: a wrong address fails
 * here, at start-up, rather than at the first command.
 */
export async function openEventStoreDbEventStore(
  options: EventStoreDbOptions,
): Promise<EventStoreDbEventStore> {
  const store = new EventStoreDbEventStore(
    EventStoreDBClient.connectionString(options.connectionString),
    options,
  );
  try {
    await store.ping();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
