import {
  type AppendOptions,
  type AppendResult,
  type Checkpoint,
  type CommandRecord,
  type EventMetadata,
  type EventStore,
  type IntegrityProblem,
  type IntegrityReport,
  type JsonObject,
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
import { appendStatements, type AppendStatements } from './append-statements';
import { validateAppend } from '../append-validation';
import {
  lastCommitted,
  readLogRows,
  readStreamRows,
  readStreamsRows,
  visibleHead,
} from './event-reads';
import { withoutMetadataIf } from '../lean-events';
import { checkpointOf, storedEvent, type EventRow } from './event-rows';
import { runMigrations } from './migrations';
import { pollingSubscription, WakeSignal } from './polling-subscription';
import { assertSchemaName, qualified, type SqlClient } from './sql-client';
import { sqlAppend } from './sql-append';
import { sealLog } from './sql-seal';
import { StreamHeadCache } from './stream-head-cache';
import { verifySeals } from './verify-seals';
import { verifyStreams } from './verify-streams';

export const DEFAULT_SCHEMA = 'ledger';

export interface SqlEventStoreOptions {
  /** The PostgreSQL schema holding every table of this store (default `ledger`). */
  schema?: string;
  /** Brings old event shapes up to date on every read; stored rows are never rewritten. */
  upcast?: Upcaster;
  hooks?: {
    /** Test hook: each append then writes in an explicit transaction and runs this before COMMIT. */
    beforeCommit?: () => Promise<void>;
  };
  /** How often an idle subscription polls the log, in ms (default 25). */
  pollIntervalMs?: number;
  /**
   * Whether {@link SqlEventStore.close} also closes the client (default true). False when the
   * client is shared, e.g. one PGlite database holding several stores or the read models.
   */
  closeClient?: boolean;
}

/**
 * The event store over PostgreSQL, for both a `pg` pool and embedded PGlite (SPEC §2). Global
 * order is commit order: every row carries its transaction id, readers see only transactions
 * older than the oldest one still running, and page by (transaction id, position), so no event
 * is ever skipped when transactions commit out of sequence order.
 */
export class SqlEventStore implements EventStore {
  readonly name: 'postgres' | 'pglite';
  private readonly statements: AppendStatements;
  private readonly wake = new WakeSignal();
  private readonly heads = new StreamHeadCache();
  private readonly subscriptions = new Set<Subscription>();
  private readonly t: (table: string) => string;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly client: SqlClient,
    /** The schema holding this store's tables. */
    readonly schema: string,
    private readonly options: SqlEventStoreOptions,
  ) {
    this.name = client.dialect;
    this.statements = appendStatements(schema);
    this.t = (table) => qualified(schema, table);
  }

  /** Migrates the schema and opens the store on `client`. */
  static async open(client: SqlClient, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
    const schema = assertSchemaName(options.schema ?? DEFAULT_SCHEMA);
    await runMigrations(client, schema);
    return new SqlEventStore(client, schema, options);
  }

  /** The underlying connection, for read models in the same database and for test harnesses. */
  raw(): SqlClient {
    return this.client;
  }

  /** `"schema"."table"`, ready to splice into SQL. */
  table(
    name: 'events' | 'streams' | 'commands' | 'stream_keys' | 'seals' | 'schema_migrations',
  ): string {
    return this.t(name);
  }

  async append(
    streamId: string,
    events: NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const input = validateAppend(streamId, events, options);
    const result = await sqlAppend(
      {
        client: this.client,
        statements: this.statements,
        heads: this.heads,
        now: () => new Date().toISOString(),
        beforeCommit: this.options.hooks?.beforeCommit,
      },
      input,
    );
    if (!result.duplicate) this.wake.notify();
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = await readStreamRows(this.client, this.schema, streamId, options);
    if (options.knownAt === undefined && options.maxCount === undefined) this.noteHead(rows);
    return rows.map((row) => this.upcast(row));
  }

  /** One query for all of them, however many streams are asked for. */
  async readStreams(
    streamIds: readonly string[],
    options: ReadStreamsOptions = {},
  ): Promise<Map<string, RecordedEvent[]>> {
    const rows = await readStreamsRows(this.client, this.schema, streamIds, options);
    const byStream = new Map<string, RecordedEvent[]>(streamIds.map((id) => [id, []]));
    for (const row of rows) byStream.get(row.stream_id)!.push(this.upcast(row));
    return byStream;
  }

  /**
   * A read to the end of a stream shows its head: remember it, so that the append a command
   * handler makes right after reading chains onto it in one round trip (it is only a guess; the
   * append's compare-and-set catches a head that moved meanwhile).
   */
  private noteHead(rows: readonly EventRow[]): void {
    const last = rows[rows.length - 1];
    if (!last) return;
    const revision = Number(last.stream_revision);
    const cached = this.heads.get(last.stream_id);
    if (cached && cached.revision > revision) return;
    const lastHash = (last.metadata as unknown as EventMetadata).hash;
    this.heads.set(last.stream_id, { revision, lastHash, lastRecordedAt: last.recorded_at });
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const lean = options.metadata === false;
    // Upcasters see whole events: with one, metadata is read anyway and left out afterwards.
    const { rows, after } = await readLogRows(this.client, this.schema, {
      ...options,
      metadata: !lean || this.options.upcast !== undefined,
    });
    const events = rows.map((row) => withoutMetadataIf(lean, this.upcast(row)));
    const last = events[events.length - 1];
    return {
      events,
      checkpoint: last ? checkpointOf(last.transactionId, last.globalPosition) : after,
    };
  }

  subscribe(options: SubscribeOptions): Subscription {
    const inner = pollingSubscription((o) => this.readAll(o), this.wake, options, {
      idleMs: this.options.pollIntervalMs ?? 25,
      maxRetryMs: 1000,
    });
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
    const [row] = await this.client.query<{ input_hash: string; result: JsonObject }>(
      `SELECT input_hash, result FROM ${this.t('commands')} WHERE command_id = $1`,
      [commandId],
    );
    return row ? { commandId, inputHash: row.input_hash, result: row.result } : null;
  }

  async lookupKey(key: string): Promise<string | null> {
    const [row] = await this.client.query<{ stream_id: string }>(
      `SELECT stream_id FROM ${this.t('stream_keys')} WHERE key = $1`,
      [key],
    );
    return row?.stream_id ?? null;
  }

  headCheckpoint(): Promise<Checkpoint> {
    return visibleHead(this.client, this.schema);
  }

  /** See {@link lastCommitted}: the target of read-your-writes waits. */
  lastCommittedCheckpoint(): Promise<Checkpoint> {
    return lastCommitted(this.client, this.schema);
  }

  seal(options: { maxEventsPerSeal?: number } = {}): Promise<Seal[]> {
    return sealLog(this.client, this.schema, { ...options, now: () => new Date().toISOString() });
  }

  /**
   * Runs in one repeatable-read transaction, so appends that commit meanwhile cannot make a
   * stream look inconsistent halfway through the walk.
   */
  async verifyIntegrity(): Promise<IntegrityReport> {
    const problems: IntegrityProblem[] = [];
    const report = (p: IntegrityProblem) => {
      if (problems.length < 10_000) problems.push(p);
    };
    return this.client.transaction(
      async (tx) => {
        const eventsChecked = await verifyStreams(tx, this.schema, report, 1000);
        const sealsChecked = await verifySeals(tx, this.schema, report, 1000);
        return { ok: problems.length === 0, eventsChecked, sealsChecked, problems };
      },
      { isolation: 'repeatable read' },
    );
  }

  async ping(): Promise<void> {
    await this.client.query('SELECT 1');
  }

  /** Stops this store's subscriptions, then closes the client unless it is shared. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      if (this.options.closeClient ?? true) await this.client.close();
    })();
    return this.closing;
  }

  private upcast(row: EventRow): RecordedEvent {
    const event = storedEvent(row);
    return this.options.upcast ? this.options.upcast(event) : event;
  }
}
