import type { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_STORE } from '@ledger/core';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { readSchemaFor } from '@ledger/projections/runner/read-schema';
import { waitForProjections } from '@ledger/projections/runner/wait-for-projections';
import { createApp } from '../../../apps/api/src/main';
import { createTestLedger } from '../../support/test-store';

export const KEYS = {
  ingest: 'conc-ingest-key-0001',
  manager: 'conc-manager-key-0001',
  finance: 'conc-finance-key-0001',
} as const;

/**
 * The real application listening on a real port (on the store the environment selects), so that
 * concurrent requests arrive over separate TCP connections as they would in production.
 */
export interface ListeningApi {
  baseUrl: string;
  store: SqlEventStore;
  readSchema: string;
  /** Waits until every read model has applied the last event of `streamId`. */
  applied(streamId: string): Promise<void>;
  /** `(events, command records)` a command id left in the store. */
  recordedBy(commandId: string): Promise<{ eventIds: string[]; commandRecords: number }>;
  close(): Promise<void>;
}

export async function startListeningApi(): Promise<ListeningApi> {
  const ledger = await createTestLedger([
    { key: KEYS.ingest, role: 'ingest' },
    { key: KEYS.manager, role: 'manager' },
    { key: KEYS.finance, role: 'finance' },
  ]);
  let app: NestExpressApplication;
  try {
    app = await createApp(ledger.config);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await ledger.destroy();
    throw error;
  }
  const store = app.get<SqlEventStore>(EVENT_STORE);
  const readSchema = readSchemaFor(ledger.config.schema);
  const address = app.getHttpServer().address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    store,
    readSchema,
    async applied(streamId) {
      const [last] = (await store.readStream(streamId)).slice(-1);
      if (!last) throw new Error(`stream ${streamId} is empty`);
      const reached = await waitForProjections({
        db: store.raw(),
        schema: readSchema,
        names: ALL_PROJECTIONS.map((p) => p.name),
        target: { transactionId: last.transactionId, globalPosition: last.globalPosition },
        timeoutMs: 20_000,
      });
      if (!reached) throw new Error(`the read models did not reach ${streamId} in 20 s`);
    },
    async recordedBy(commandId) {
      const events = await store.raw().query<{ event_id: string }>(
        `SELECT event_id::text AS event_id FROM ${store.table('events')}
            WHERE metadata->>'commandId' = $1 ORDER BY global_position`,
        [commandId],
      );
      const [records] = await store
        .raw()
        .query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${store.table('commands')} WHERE command_id = $1`,
          [commandId],
        );
      return { eventIds: events.map((e) => e.event_id), commandRecords: Number(records?.n ?? 0) };
    },
    async close() {
      await app.close();
      await ledger.destroy();
    },
  };
}
