import { readLedgerConfig, type LedgerConfig } from '@ledger/core/ledger-config';
import { createEventStore } from '@ledger/event-store/create-event-store';
import type { EventStore } from '@ledger/event-store/port';

/** Opens the store the environment names (SPEC §6), exactly as the server would. */
export async function openConfiguredStore(): Promise<{ store: EventStore; config: LedgerConfig }> {
  const config = readLedgerConfig();
  const store = await createEventStore({
    databaseUrl: config.databaseUrl,
    eventstoreUrl: config.eventstoreUrl,
    dataDir: config.dataDir,
    schema: config.schema,
  });
  return { store, config };
}
