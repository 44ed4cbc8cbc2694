/**
 * Latency of `GET /v1/accounts/{id}/timeline` with 1,000,000 events in the store (the target is
 * under 20 ms p99). The events table is filled with SQL (100,000 accounts × 10 events, plus one
 * account of 1,000 events), the timeline read model with the rows its projection writes for them,
 * and the checkpoint is set to the head, so requests go through the real HTTP stack, the
 * freshness check and the read-model query. PGlite in memory, or PostgreSQL when DATABASE_URL is set.
 *
 *   node -r @swc-node/register apps/api/src/read-side-accounts/timeline.bench.ts
 *   BENCH_EVENTS=200000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node -r @swc-node/register apps/api/src/read-side-accounts/timeline.bench.ts
 */
import 'reflect-metadata';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { LedgerConfig } from '@ledger/core';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { accountTimelineProjection } from '@ledger/projections/account-timeline/account-timeline.projection';
import {
  ensureReadSchema,
  readSchemaFor,
  recreateProjection,
  storeCheckpoint,
} from '@ledger/projections/runner/read-schema';
import { startReadSideApp } from './read-side-test-app';

const KEY = 'bench-manager-key';
const EVENTS_PER_ACCOUNT = 10;

export interface TimelineBenchResult {
  suite: 'timeline';
  store: string;
  events: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The same for the one account with 1,000 events (a full page). */
  bigAccountP99Ms: number;
}

export async function run(): Promise<TimelineBenchResult[]> {
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const requests = Number(process.env.BENCH_REQUESTS ?? 2_000);
  const url = process.env.DATABASE_URL?.trim();
  const schema = url
    ? `bench_tl_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
    : 'ledger';
  const config: LedgerConfig = {
    databaseUrl: url,
    dataDir: 'memory://',
    schema,
    port: 0,
    apiKeys: [{ key: KEY, role: 'manager' }],
    logLevel: 'silent',
  };
  const api = await startReadSideApp(config, { runner: false });
  try {
    const store = api.store as SqlEventStore;
    const accounts = Math.floor((events - 1_000) / EVENTS_PER_ACCOUNT);
    await fill(store, accounts);
    await api.app.listen(0);
    const port = (api.app.getHttpServer().address() as AddressInfo).port;
    const ask = (accountId: string) => timed(port, `/v1/accounts/${accountId}/timeline`);
    for (let i = 0; i < 200; i++) await ask(`acc${i % accounts}`); // warm-up
    const small: number[] = [];
    for (let i = 0; i < requests; i++) small.push(await ask(`acc${(i * 7919) % accounts}`));
    const big: number[] = [];
    for (let i = 0; i < 200; i++) big.push(await ask('acc_big'));
    const result: TimelineBenchResult = {
      suite: 'timeline',
      store: store.name,
      events: accounts * EVENTS_PER_ACCOUNT + 1_000,
      requests,
      p50Ms: percentile(small, 0.5),
      p99Ms: percentile(small, 0.99),
      maxMs: Math.max(...small),
      bigAccountP99Ms: percentile(big, 0.99),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return [result];
  } finally {
    await api.close();
    if (url) await dropSchemas(url, [schema, readSchemaFor(schema)]);
  }
}

/** The events, then the timeline rows the projection writes for them, then its checkpoint at the head. */
async function fill(store: SqlEventStore, accounts: number): Promise<void> {
  const db = store.raw();
  const events = store.table('events');
  const data = `jsonb_build_object('paymentId', 'pay' || i, 'accountId', a, 'amount', '100.00', 'currency', 'USD', 'revenueModel', 'usage')`;
  const insert = (from: number, to: number, account: string, revision: string) =>
    db.query(`INSERT INTO ${events} (event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata, schema_version)
      SELECT gen_random_uuid(), 'account-' || a, ${revision}, 'PaymentRecorded', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z',
             ${data}, '{"schemaVersion":1,"hash":"","prevHash":""}'::jsonb, 1
        FROM generate_series(${from}, ${to}) AS i, LATERAL (SELECT ${account} AS a) acc`);
  const total = accounts * EVENTS_PER_ACCOUNT;
  for (let start = 0; start < total; start += 100_000) {
    await insert(
      start,
      Math.min(start + 100_000, total) - 1,
      `'acc' || (i % ${accounts})`,
      `i / ${accounts}`,
    );
  }
  await insert(0, 999, `'acc_big'`, 'i');
  const read = readSchemaFor(store.schema);
  await ensureReadSchema(db, read);
  await db.transaction((tx) => recreateProjection(tx, read, accountTimelineProjection));
  await db.query(`INSERT INTO "${read}"."account_timeline_entries"
    SELECT substr(stream_id, 9), event_id::text, transaction_id::text::numeric, global_position, stream_id, stream_revision, type,
           occurred_at, recorded_at, data->>'rule', data->>'disputeId', data::text
      FROM ${events}`);
  await db.query(`ANALYZE "${read}"."account_timeline_entries"`);
  const head = await store.headCheckpoint();
  await db.transaction((tx) => storeCheckpoint(tx, read, [accountTimelineProjection.name], head));
}

function timed(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = httpRequest(
      { port, path, headers: { authorization: `Bearer ${KEY}` }, agent: false },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(Number(process.hrtime.bigint() - started) / 1e6)
            : reject(new Error(`status ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! * 100) / 100
  );
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

if (require.main === module) {
  run().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
