import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ApiKeyGrant, LedgerConfig } from '@ledger/core';

/** A ledger configuration on an isolated, throw-away store, and how to throw it away. */
export interface TestLedger {
  config: LedgerConfig;
  /** `pglite` or `postgres`, for test names. */
  storeName: string;
  destroy(): Promise<void>;
}

/**
 * The store the environment selects, exactly like the app does: PostgreSQL when `DATABASE_URL` is
 * set (a fresh schema, dropped afterwards), else embedded PGlite in a fresh temporary directory
 * (removed afterwards). The same spec file therefore runs on both.
 */
export async function createTestLedger(apiKeys: ApiKeyGrant[]): Promise<TestLedger> {
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const base = { port: 0, apiKeys, logLevel: 'silent', eventstoreUrl: undefined };
  if (databaseUrl) {
    const schema = `e2e_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    return {
      config: { ...base, databaseUrl, schema, dataDir: '' },
      storeName: 'postgres',
      destroy: () => dropSchema(databaseUrl, schema),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-e2e-'));
  return {
    config: { ...base, dataDir, schema: 'ledger' },
    storeName: 'pglite',
    destroy: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The read models live in `<schema>_read` beside the events.
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS "${schema}_read" CASCADE`);
  } finally {
    await client.end();
  }
}
