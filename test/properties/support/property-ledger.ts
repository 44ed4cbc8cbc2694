import { randomBytes } from 'node:crypto';
import { LedgerCommands, type CommandOutcome, type CommandRequest } from '@ledger/core';
import { payoutKey, payoutStreams, type PayoutRunTerms } from '@ledger/domain/payouts';
import type { Checkpoint } from '@ledger/event-store/port';
import { createPgClient } from '@ledger/event-store/sql/pg-client';
import { createPgliteClient } from '@ledger/event-store/sql/pglite-client';
import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { compareCheckpoints } from '@ledger/projections/runner/checkpoint';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import { readSchemaFor } from '@ledger/projections/runner/read-schema';
import { ClosePayoutService } from '../../../apps/api/src/closing-payouts/close-payout.service';
import type { CommandAnswer } from '../../../apps/api/src/commands/command-answer';
import type { PayoutReadModels } from '../../../apps/api/src/payouts/payout-read-models';
import { RefusalException } from '../../../apps/api/src/problems/refusal.exception';
import { RunPayoutsService } from '../../../apps/api/src/running-payouts/run-payouts.service';

/** An accepted answer, or the refusal (a value with a stable code) the ledger answered with. */
export type StepOutcome =
  | { kind: 'accepted'; reply: Record<string, unknown>; checkpoint: Checkpoint | null }
  | { kind: 'refused'; code: string };

/**
 * The real application layer on a fresh store: `LedgerCommands` for every fact, the payout services
 * the HTTP API uses, and a projection runner with every read model following the log. Checks first
 * {@link settle}, so that they see the read models exactly at the last write.
 */
export class PropertyLedger {
  readonly readSchema: string;
  private readonly commands: LedgerCommands;
  private readonly runner: ProjectionRunner;
  private readonly payouts: RunPayoutsService;
  private readonly closing: ClosePayoutService;
  private lastWrite: Checkpoint | null = null;

  private constructor(
    readonly store: SqlEventStore,
    readonly db: SqlClient,
  ) {
    this.readSchema = readSchemaFor(store.schema);
    this.commands = new LedgerCommands(store);
    this.runner = new ProjectionRunner({
      store,
      db,
      schema: this.readSchema,
      projections: ALL_PROJECTIONS,
      idleMs: 5,
    });
    this.payouts = new RunPayoutsService(store, this.readModels());
    this.closing = new ClosePayoutService(store);
  }

  static async open(db: SqlClient): Promise<PropertyLedger> {
    const schema = `prop_${randomBytes(5).toString('hex')}`;
    const store = await SqlEventStore.open(db, { schema, closeClient: false });
    const ledger = new PropertyLedger(store, db);
    // Follows the log in the background, as the app's in-process runner does.
    ledger.runner.start();
    return ledger;
  }

  async execute(request: CommandRequest): Promise<StepOutcome> {
    return this.remember(await this.commands.execute(request, { actor: 'property' }));
  }

  async runPayouts(terms: PayoutRunTerms): Promise<StepOutcome> {
    // A run pays what the log shows when it starts; the generated programme means "everything so far".
    await this.settle();
    return this.answered(
      () => this.payouts.run(terms, { actor: 'property' }),
      payoutStreams.run(terms.runId),
    );
  }

  async closePayout(
    type: 'MarkPayoutPaid' | 'MarkPayoutFailed',
    payoutId: string,
    occurredAt: string,
  ): Promise<StepOutcome> {
    const streamId = (await this.store.lookupKey(payoutKey(payoutId))) ?? '';
    return this.answered(() => this.closing.close(type, payoutId, { occurredAt }, {}), streamId);
  }

  /** A write made past the ledger's own path (a spec tampering with the log): {@link settle} waits for it too. */
  noteWrite(checkpoint: Checkpoint): void {
    if (!this.lastWrite || compareCheckpoints(checkpoint, this.lastWrite) > 0)
      this.lastWrite = checkpoint;
  }

  /** Waits until the log shows every write made so far and every read model has applied it. */
  async settle(): Promise<void> {
    const target = this.lastWrite;
    if (target === null) return;
    const deadline = Date.now() + 20_000;
    // On PostgreSQL a write shows once every older transaction on the server has ended (SPEC §2).
    while (compareCheckpoints(await this.store.headCheckpoint(), target) < 0) {
      if (Date.now() > deadline) throw new Error('the log did not show the last write in 20 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (!(await this.runner.waitFor(target, 20_000)))
      throw new Error('the read models did not reach the last write in 20 s');
  }

  /** Drops the store's schema and its read schemas (also a scratch one a rebuild left behind). */
  async destroy(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    for (const schema of [this.store.schema, this.readSchema, scratchSchemaOf(this.readSchema)])
      await this.db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }

  private readModels(): PayoutReadModels {
    return {
      db: this.db,
      schema: this.readSchema,
      caughtUpTo: (target) => this.runner.waitFor(target, 20_000),
    };
  }

  private remember(outcome: CommandOutcome): StepOutcome {
    if (outcome.kind === 'refused') return { kind: 'refused', code: outcome.code };
    if (outcome.checkpoint) this.noteWrite(outcome.checkpoint);
    return { kind: 'accepted', reply: outcome.reply, checkpoint: outcome.checkpoint };
  }

  /**
   * The payout services answer like the HTTP API: refusals are thrown for the problem mapping, and
   * the answer carries no checkpoint, so the last write is read back from the stream written last.
   */
  private async answered(
    call: () => Promise<CommandAnswer>,
    lastStreamId: string,
  ): Promise<StepOutcome> {
    try {
      const answer = await call();
      const [last] = (await this.store.readStream(lastStreamId)).slice(-1);
      const checkpoint = last
        ? { transactionId: last.transactionId, globalPosition: last.globalPosition }
        : null;
      if (checkpoint) this.noteWrite(checkpoint);
      return { kind: 'accepted', reply: answer, checkpoint };
    } catch (error) {
      if (error instanceof RefusalException) return { kind: 'refused', code: error.refusal.code };
      throw error;
    }
  }
}

/** Where a rebuild for comparison replays the log: beside the live read schema. */
export function scratchSchemaOf(readSchema: string): string {
  return `${readSchema}_scratch`;
}

/**
 * The database the property specs run on: one in-memory PGlite per spec file (starting one takes
 * seconds), or a small PostgreSQL pool when `DATABASE_URL` is set. Each run gets fresh schemas in it.
 */
export function propertyDatabases(): { name: string; open(): Promise<SqlClient> }[] {
  const url = process.env.DATABASE_URL?.trim();
  const databases: { name: string; open(): Promise<SqlClient> }[] = [
    { name: 'pglite', open: () => createPgliteClient() },
  ];
  if (url)
    databases.push({
      name: 'postgres',
      open: async () => createPgClient({ connectionString: url, maxConnections: 6 }),
    });
  return databases;
}
