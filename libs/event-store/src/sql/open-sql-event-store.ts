import { createPgClient } from './pg-client';
import { createPgliteClient } from './pglite-client';
import { assertSchemaName, type SqlClient } from './sql-client';
import { DEFAULT_SCHEMA, SqlEventStore, type SqlEventStoreOptions } from './sql-event-store';

export interface PostgresEventStoreOptions extends SqlEventStoreOptions {
  connectionString: string;
  /** Pooled connections (default 10): how many appends to different streams run at once. */
  maxConnections?: number;
}

export interface PgliteEventStoreOptions extends SqlEventStoreOptions {
  /** Where PGlite keeps its files; undefined keeps the whole database in memory. */
  dataDir?: string;
}

/** The event store in a PostgreSQL database, migrated on open. */
export async function openPostgresEventStore(
  options: PostgresEventStoreOptions,
): Promise<SqlEventStore> {
  assertSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const client = createPgClient({
    connectionString: options.connectionString,
    maxConnections: options.maxConnections,
  });
  return openOrClose(client, options);
}

/** The event store in embedded PGlite (in memory, or persisted under `dataDir`), migrated on open. */
export async function openPgliteEventStore(
  options: PgliteEventStoreOptions = {},
): Promise<SqlEventStore> {
  assertSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const client = await createPgliteClient(options.dataDir);
  return openOrClose(client, options);
}

async function openOrClose(
  client: SqlClient,
  options: SqlEventStoreOptions,
): Promise<SqlEventStore> {
  try {
    return await SqlEventStore.open(client, options);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
}
