import type { EventStore, Upcaster } from './port';
import { openPgliteEventStore, openPostgresEventStore } from './sql';

export interface EventStoreConfig {
  /** PostgreSQL connection string; when set (and no EventStoreDB), events go to PostgreSQL. */
  databaseUrl?: string;
  /** EventStoreDB connection string; when set, events go to EventStoreDB. */
  eventstoreUrl?: string;
  /** Where embedded PGlite keeps its files when neither URL is set (default `./.ledger-data`). */
  dataDir?: string;
  /** PostgreSQL schema of the SQL stores (default `ledger`). */
  schema?: string;
  upcast?: Upcaster;
}

export const DEFAULT_DATA_DIR = './.ledger-data';

/**
 * Opens the event store the configuration names (SPEC §6): EventStoreDB when `eventstoreUrl` is
 * set, else PostgreSQL when `databaseUrl` is set, else embedded PGlite under `dataDir`.
 */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.eventstoreUrl) {
    // Required lazily: the EventStoreDB client is loaded only by deployments that use it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esdb = require('./eventstoredb') as {
      openEventStoreDbEventStore(options: {
        connectionString: string;
        upcast?: Upcaster;
      }): Promise<EventStore>;
    };
    return esdb.openEventStoreDbEventStore({
      connectionString: config.eventstoreUrl,
      upcast: config.upcast,
    });
  }
  if (config.databaseUrl) {
    return openPostgresEventStore({
      connectionString: config.databaseUrl,
      schema: config.schema,
      upcast: config.upcast,
    });
  }
  return openPgliteEventStore({
    dataDir: config.dataDir ?? DEFAULT_DATA_DIR,
    schema: config.schema,
    upcast: config.upcast,
  });
}
