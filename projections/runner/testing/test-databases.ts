import { Client } from 'pg';
import type { Checkpoint } from '@ledger/event-store/port';
import {
  openPgliteEventStore,
  openPostgresEventStore,
} from '@ledger/event-store/sql/open-sql-event-store';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { compareCheckpoints } from '../checkpoint';
import type { StoryEvent } from './money-events';

/** A fresh event store with its read schema beside it, and how to throw both away. */
export interface TestLedgerDb {
  store: SqlEventStore;
  readSchema: string;
  /** Appends story events one per transaction, in order; returns the last checkpoint once readers see it. */
  append(...events: StoryEvent[]): Promise<Checkpoint>;
  destroy(): Promise<void>;
}

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  create(): Promise<TestLedgerDb>;
}

/** PGlite always; PostgreSQL too when `DATABASE_URL` is set. Each test gets fresh schemas. */
export function testDatabases(): TestDatabase[] {
  const url = process.env.DATABASE_URL?.trim();
  const pglite: TestDatabase = {
    name: 'pglite',
    create: () => wrap(openPgliteEventStore({ schema: 'ledger' }), async () => undefined),
  };
  if (!url) return [pglite];
  const postgres: TestDatabase = {
    name: 'postgres',
    create: async () => {
      const schema = `proj_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      return wrap(openPostgresEventStore({ connectionString: url, schema }), () =>
        dropSchemas(url, [schema, `${schema}_read`]),
      );
    },
  };
  return [pglite, postgres];
}

async function wrap(
  opening: Promise<SqlEventStore>,
  cleanUp: () => Promise<void>,
): Promise<TestLedgerDb> {
  const store = await opening;
  return {
    store,
    readSchema: `${store.schema}_read`,
    async append(...events) {
      let last: Checkpoint | null = null;
      for (const { streamId, event } of events) {
        const result = await store.append(streamId, [event], { expected: 'any' });
        last = result.checkpoint;
      }
      if (last === null) throw new Error('nothing appended');
      // Readers see an event once no older transaction is still open anywhere in the database
      // (SPEC §2); on a shared PostgreSQL another test's transaction can delay that briefly.
      while (compareCheckpoints(await store.headCheckpoint(), last) < 0)
        await new Promise((r) => setTimeout(r, 5));
      return last;
    },
    async destroy() {
      await store.close();
      await cleanUp();
    },
  };
}

async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Every row of the given tables in a stable order, for "identical tables" assertions. */
export async function dumpTables(
  store: SqlEventStore,
  schema: string,
  tables: readonly string[],
): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    dump[table] = await store
      .raw()
      .query(`SELECT to_jsonb(t) AS row FROM "${schema}"."${table}" t ORDER BY to_jsonb(t)::text`);
  }
  return dump;
}
