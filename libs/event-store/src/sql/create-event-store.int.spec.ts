import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from '../create-event-store';
import { someEvents } from '../testing/contract.helpers';
import { createPgClient } from './pg-client';
import { SqlEventStore } from './sql-event-store';
import { freshContractSchema } from '../testing/sql-harness';

describe('createEventStore', () => {
  test('without URLs: embedded PGlite persisted under dataDir', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ledger-create-'));
    const dataDir = join(root, 'nested', 'data');
    try {
      const store = await createEventStore({ dataDir, schema: 'ledger_app' });
      try {
        expect(store.name).toBe('pglite');
        expect((store as SqlEventStore).schema).toBe('ledger_app');
        await store.append('s-1', someEvents(1), { expected: 'no_stream' });
      } finally {
        await store.close();
      }
      expect(readdirSync(dataDir).length).toBeGreaterThan(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  const url = process.env.DATABASE_URL;
  (url ? test : test.skip)('with databaseUrl: PostgreSQL, in the schema asked for', async () => {
    const schema = freshContractSchema();
    const store = await createEventStore({
      databaseUrl: url,
      schema,
      dataDir: '/nonexistent/never-used',
    });
    try {
      expect(store.name).toBe('postgres');
      await store.append('s-1', someEvents(2), { expected: 'no_stream' });
      expect(await store.readStream('s-1')).toHaveLength(2);
    } finally {
      await store.close();
      const admin = createPgClient({ connectionString: url! });
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.close();
    }
  });
});
