import { randomBytes } from 'node:crypto';
import type { EventStore, JsonObject } from '../port';
import {
  SqlEventStore,
  createPgClient,
  createPgliteClient,
  type PgliteClient,
  type SqlClient,
  type SqlQueryable,
} from '../sql';
import type { HarnessStoreOptions, RawStoreAccess, StoreHarness } from './store-harness';

/** `contract_<random>`: a schema name no other test, worker or run uses. */
export function freshContractSchema(): string {
  return `contract_${randomBytes(6).toString('hex')}`;
}

function sqlStore(store: EventStore): SqlEventStore {
  if (!(store instanceof SqlEventStore))
    throw new Error(`expected a SQL event store, got ${store.name}`);
  return store;
}

/**
 * Tampering as a DBA would. The refused pair is plain SQL that the append-only trigger must stop;
 * the bypassing trio switches triggers off for its own transaction only
 * (`SET LOCAL session_replication_role = replica`, superuser), so nothing leaks to other sessions.
 */
export const sqlRawAccess: RawStoreAccess = {
  async tryUpdateEvent(store, globalPosition) {
    const s = sqlStore(store);
    await s
      .raw()
      .query(
        `UPDATE ${s.table('events')} SET data = '{"forged":true}' WHERE global_position = $1`,
        [globalPosition.toString()],
      );
  },
  async tryDeleteEvent(store, globalPosition) {
    const s = sqlStore(store);
    await s
      .raw()
      .query(`DELETE FROM ${s.table('events')} WHERE global_position = $1`, [
        globalPosition.toString(),
      ]);
  },
  async editEventData(store, streamId, revision, data: JsonObject) {
    await bypassingGuard(store, async (tx, events) => {
      const sql = `UPDATE ${events} SET data = $3::jsonb WHERE stream_id = $1 AND stream_revision = $2 RETURNING 1`;
      expectOneRow(await tx.query(sql, [streamId, revision, JSON.stringify(data)]), 'edit');
    });
  },
  async deleteEvent(store, streamId, revision) {
    await bypassingGuard(store, async (tx, events) => {
      const sql = `DELETE FROM ${events} WHERE stream_id = $1 AND stream_revision = $2 RETURNING 1`;
      expectOneRow(await tx.query(sql, [streamId, revision]), 'delete');
    });
  },
  async swapRevisions(store, streamId, revA, revB) {
    await bypassingGuard(store, async (tx, events) => {
      // Through a spare revision: (stream, revision) uniqueness is checked row by row.
      const move = `UPDATE ${events} SET stream_revision = $3 WHERE stream_id = $1 AND stream_revision = $2 RETURNING 1`;
      const spare = 2_147_483_647;
      expectOneRow(await tx.query(move, [streamId, revA, spare]), 'swap');
      expectOneRow(await tx.query(move, [streamId, revB, revA]), 'swap');
      expectOneRow(await tx.query(move, [streamId, spare, revB]), 'swap');
    });
  },
};

/** A tamper that silently touched nothing would make a detection test pass for the wrong reason. */
function expectOneRow(rows: unknown[], what: string): void {
  if (rows.length !== 1) throw new Error(`raw ${what} touched ${rows.length} rows, expected 1`);
}

async function bypassingGuard(
  store: EventStore,
  tamper: (tx: SqlQueryable, events: string) => Promise<void>,
) {
  const s = sqlStore(store);
  await s.raw().transaction(async (tx) => {
    await tx.query(`SET LOCAL session_replication_role = replica`);
    await tamper(tx, s.table('events'));
  });
}

function openOptions(options?: HarnessStoreOptions) {
  return {
    schema: freshContractSchema(),
    upcast: options?.upcast,
    hooks: { beforeCommit: options?.beforeCommit },
    closeClient: false,
  };
}

async function dropStore(store: EventStore): Promise<void> {
  const s = sqlStore(store);
  await s.close();
  await s.raw().query(`DROP SCHEMA "${s.schema}" CASCADE`);
}

/**
 * One in-memory PGlite database per spec file (starting one takes seconds) and a fresh schema per
 * store, dropped on destroy.
 */
export function pgliteContractHarness(): StoreHarness & { shutdown(): Promise<void> } {
  let client: Promise<PgliteClient> | undefined;
  return {
    name: 'pglite',
    async create(options) {
      client ??= createPgliteClient();
      return SqlEventStore.open(await client, openOptions(options));
    },
    destroy: dropStore,
    raw: sqlRawAccess,
    async shutdown() {
      if (client) await (await client).close();
    },
  };
}

/** One pool per spec file and a fresh `contract_<random>` schema per store, dropped on destroy. */
export function postgresContractHarness(
  connectionString: string,
): StoreHarness & { shutdown(): Promise<void> } {
  let client: SqlClient | undefined;
  return {
    name: 'postgres',
    async create(options) {
      client ??= createPgClient({ connectionString, maxConnections: 20 });
      return SqlEventStore.open(client, openOptions(options));
    },
    destroy: dropStore,
    raw: sqlRawAccess,
    async shutdown() {
      await client?.close();
    },
  };
}
