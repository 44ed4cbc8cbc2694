import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { someEvents } from '../testing/contract.helpers';
import { MIGRATIONS, runMigrations } from './migrations';
import { openPgliteEventStore, openPostgresEventStore } from './open-sql-event-store';
import { createPgClient } from './pg-client';
import { freshContractSchema } from '../testing/sql-harness';

async function migrationRows(store: Awaited<ReturnType<typeof openPgliteEventStore>>) {
  return store
    .raw()
    .query<{ version: number }>(
      `SELECT version FROM ${store.table('schema_migrations')} ORDER BY version`,
    );
}

describe('migrations on a PGlite data directory', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-pglite-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('re-opening applies nothing twice and the log, heads and hashes survive on disk', async () => {
    const first = await openPgliteEventStore({ dataDir });
    await first.append('s-1', someEvents(3), { expected: 'no_stream' });
    expect(await runMigrations(first.raw(), first.schema)).toEqual([]);
    await first.close();

    const again = await openPgliteEventStore({ dataDir });
    try {
      expect((await migrationRows(again)).map((r) => r.version)).toEqual(
        MIGRATIONS.map((m) => m.version),
      );
      expect((await again.readStream('s-1')).map((e) => e.streamRevision)).toEqual([0, 1, 2]);
      // A new process knows no stream heads: the append must find revision 2 in the database.
      const next = await again.append('s-1', someEvents(1), { expected: 2 });
      expect(next.nextExpectedRevision).toBe(3);
      const report = await again.verifyIntegrity();
      expect(report.problems).toEqual([]);
      expect(report.eventsChecked).toBe(4);
    } finally {
      await again.close();
    }
  });

  test('two schemas in one database are separate stores', async () => {
    const a = await openPgliteEventStore({ dataDir, schema: 'ledger_a' });
    await a.append('s-1', someEvents(2), { expected: 'no_stream' });
    await a.close();
    const b = await openPgliteEventStore({ dataDir, schema: 'ledger_b' });
    try {
      expect(await b.readStream('s-1')).toEqual([]);
      expect((await b.readAll()).events).toEqual([]);
    } finally {
      await b.close();
    }
  });

  test('a schema name that would need quoting is refused before anything is created', async () => {
    await expect(openPgliteEventStore({ dataDir, schema: 'Robert"); DROP' })).rejects.toThrow(
      /schema name/,
    );
  });
});

const url = process.env.DATABASE_URL;
(url ? describe : describe.skip)('migrations on PostgreSQL', () => {
  test('processes opening one fresh schema at the same moment migrate it exactly once', async () => {
    const schema = freshContractSchema();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () =>
        openPostgresEventStore({ connectionString: url!, schema, maxConnections: 2 }),
      ),
    );
    try {
      const rows = await stores[0]!
        .raw()
        .query<{ version: number }>(`SELECT version FROM ${stores[0]!.table('schema_migrations')}`);
      expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
      await stores[1]!.append('s-1', someEvents(1), { expected: 'no_stream' });
      expect(await stores[3]!.readStream('s-1')).toHaveLength(1);
    } finally {
      const admin = createPgClient({ connectionString: url! });
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.close();
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
