import type { EventStore } from '@ledger/event-store/port';
import { createPgClient } from '@ledger/event-store/sql/pg-client';
import { createPgliteClient } from '@ledger/event-store/sql/pglite-client';
import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { readSchemaFor } from './read-schema';

/** Where the read models live, and how to let go of it. */
export interface ReadModelDatabase {
  db: SqlClient;
  /** The read schema: `<store schema>_read` (`ledger_read`). */
  schema: string;
  /** Closes a connection opened for the read models; the store's own connection is left to the store. */
  close(): Promise<void>;
}

export interface ReadModelLocation {
  databaseUrl?: string;
  dataDir?: string;
  /** The event store's schema (`ledger`); the read schema is named after it. */
  schema: string;
}

/**
 * The read models live in the same database as the events (SPEC §1): on PostgreSQL and PGlite they
 * share the store's connection (with PGlite, one instance serves both, since it is one session). With
 * EventStoreDB the events are elsewhere, and the read models go to PostgreSQL when `databaseUrl` is
 * set, else to embedded PGlite under `dataDir`.
 */
export async function openReadModelDatabase(
  store: EventStore,
  where: ReadModelLocation,
): Promise<ReadModelDatabase> {
  if (store instanceof SqlEventStore) {
    return { db: store.raw(), schema: readSchemaFor(store.schema), close: async () => undefined };
  }
  const db = where.databaseUrl
    ? createPgClient({ connectionString: where.databaseUrl })
    : await createPgliteClient(where.dataDir);
  return { db, schema: readSchemaFor(where.schema), close: () => db.close() };
}
