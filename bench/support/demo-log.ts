import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo, type DemoReport } from '@ledger/demo';
import {
  openPgliteEventStore,
  openPostgresEventStore,
  type SqlEventStore,
} from '@ledger/event-store/sql';

/**
 * The log the read-side benchmarks (`rebuild`, `explain`) measure against: a realistic programme
 * history from `ledger demo`, appended through the store's real write path, so streams, event
 * shapes, derived decisions and the mix of types are those of a real programme.
 *
 * Generating a million events takes minutes, so the log is kept between runs: on PostgreSQL in a
 * schema named after its size and seed (`bench_demo_1000000_s1`), on PGlite in a data directory
 * under the system's temp dir. With `BENCH_REUSE=1` a complete log left by an earlier run is used
 * as it is; without it the log is generated afresh (and kept, so the next run may reuse it). A log
 * is complete once its schema comment says so: a run that died midway is never reused.
 *
 * Benchmarks generate the log in a child process ({@link prepareDemoLogInChild}), so the memory the
 * generator needs does not count in their own peak RSS.
 */
export interface DemoLog {
  store: SqlEventStore;
  /** Events appended by the demo (the log may hold a few more: payouts a benchmark issued). */
  demoEvents: number;
  seed: number;
  reused: boolean;
  /** How the demo went when it was generated (null when reused). */
  report: DemoReport | null;
}

export type BenchStore = 'postgres' | 'pglite';

export interface DemoLogOptions {
  store: BenchStore;
  /** Required for `postgres`. */
  databaseUrl?: string;
  events: number;
  seed: number;
  /** Pooled connections of the store (PostgreSQL). */
  maxConnections?: number;
  /** Use a complete log as it is (default: BENCH_REUSE=1). */
  reuse?: boolean;
}

export function demoSchemaName(events: number, seed: number): string {
  return `bench_demo_${events}_s${seed}`;
}

export function pgliteDemoDir(events: number, seed: number): string {
  return join(tmpdir(), `ledger-bench-pglite-${events}-s${seed}`);
}

export async function openDemoLog(options: DemoLogOptions): Promise<DemoLog> {
  const { events, seed } = options;
  const reuse = options.reuse ?? process.env.BENCH_REUSE === '1';
  const schema = options.store === 'postgres' ? demoSchemaName(events, seed) : 'ledger';
  const open = () => openStore(options, schema);
  let store = await open();
  const marker = await completionMarker(store);
  if (marker !== null && reuse) {
    console.error(`demo log: reusing ${where(options, schema)} (${marker.demoEvents} demo events)`);
    return { store, demoEvents: marker.demoEvents, seed, reused: true, report: null };
  }
  if (marker !== null || (await holdsEvents(store))) {
    // Stale or partial: start again from an empty log rather than append a second copy.
    if (options.store === 'postgres') {
      await store.raw().query(`DROP SCHEMA "${schema}" CASCADE`);
      await store.raw().query(`DROP SCHEMA IF EXISTS "${schema}_read" CASCADE`);
      await store.close();
    } else {
      await store.close();
      rmSync(pgliteDemoDir(events, seed), { recursive: true, force: true });
    }
    store = await open();
  }
  const report = await generate(store, events, seed, options.store === 'postgres' ? 16 : 4);
  const done: CompletionMarker = { demoEvents: report.events, seed };
  await store.raw().query(`COMMENT ON SCHEMA "${schema}" IS '${JSON.stringify(done)}'`);
  // Fresh tables have no statistics yet; plans of the first queries would be guesses.
  await store.raw().query(`ANALYZE ${store.table('events')}`);
  return { store, demoEvents: report.events, seed, reused: false, report };
}

function openStore(options: DemoLogOptions, schema: string): Promise<SqlEventStore> {
  if (options.store === 'pglite') {
    return openPgliteEventStore({ schema, dataDir: pgliteDemoDir(options.events, options.seed) });
  }
  if (!options.databaseUrl) throw new Error('the postgres demo log needs DATABASE_URL');
  return openPostgresEventStore({
    connectionString: options.databaseUrl,
    schema,
    maxConnections: options.maxConnections ?? 18,
  });
}

function where(options: DemoLogOptions, schema: string): string {
  return options.store === 'postgres'
    ? `schema ${schema}`
    : `PGlite ${pgliteDemoDir(options.events, options.seed)}`;
}

/** Logs this process has already prepared: later suites of the same `npm run bench` reuse them. */
const preparedHere = new Set<string>();

/**
 * Makes sure the demo log exists (generating it when it is missing, incomplete, or when not
 * reusing), in a child process whose memory is then given back. A log generated earlier in the same
 * run counts as reusable, so `npm run bench` generates each log once however many suites use it.
 */
export async function prepareDemoLogInChild(
  options: Omit<DemoLogOptions, 'maxConnections'>,
): Promise<void> {
  const key = `${options.store}:${options.events}:${options.seed}`;
  const reuse = options.reuse ?? (process.env.BENCH_REUSE === '1' || preparedHere.has(key));
  const child = spawn(
    process.execPath,
    [
      '--max-semi-space-size=64',
      '-r',
      '@swc-node/register',
      __filename,
      options.store,
      String(options.events),
      String(options.seed),
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, BENCH_REUSE: reuse ? '1' : '0' },
    },
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`preparing the ${options.store} demo log failed (exit ${code})`);
  preparedHere.add(key);
}

interface CompletionMarker {
  demoEvents: number;
  seed: number;
}

async function completionMarker(store: SqlEventStore): Promise<CompletionMarker | null> {
  const [row] = await store
    .raw()
    .query<{ comment: string | null }>(
      `SELECT obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace WHERE nspname = $1`,
      [store.schema],
    );
  if (!row?.comment) return null;
  try {
    const parsed = JSON.parse(row.comment) as Partial<CompletionMarker>;
    return typeof parsed.demoEvents === 'number' && typeof parsed.seed === 'number'
      ? { demoEvents: parsed.demoEvents, seed: parsed.seed }
      : null;
  } catch {
    return null;
  }
}

async function holdsEvents(store: SqlEventStore): Promise<boolean> {
  const rows = await store.raw().query(`SELECT 1 FROM ${store.table('events')} LIMIT 1`);
  return rows.length > 0;
}

async function generate(
  store: SqlEventStore,
  events: number,
  seed: number,
  concurrency: number,
): Promise<DemoReport> {
  console.error(`demo log: generating ${events} events (seed ${seed}) on ${store.name}…`);
  let reported = 0;
  const report = await runDemo(store, {
    seed,
    targetEvents: events,
    concurrency,
    actor: 'bench',
    onProgress: (progress) => {
      if (progress.appended - reported < 100_000) return;
      reported = progress.appended;
      console.error(
        `  ${progress.appended} events appended, ${Math.round(progress.elapsedMs / 1000)} s`,
      );
    },
  });
  console.error(
    `demo log: ${report.events} events in ${Math.round(report.elapsedMs / 1000)} s ` +
      `(${report.eventsPerSecond} events/s, ${report.accounts} accounts, ${report.partners.enrolled} partners)`,
  );
  return report;
}

/**
 * `node -r @swc-node/register bench/support/demo-log.ts <postgres|pglite> [events] [seed]` generates
 * (or, with BENCH_REUSE=1, checks) a demo log ahead of the benchmarks; PostgreSQL needs DATABASE_URL.
 */
if (require.main === module) {
  const store = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
  const events = Number(process.argv[3] ?? 1_000_000);
  const seed = Number(process.argv[4] ?? 1);
  openDemoLog({ store, databaseUrl: process.env.DATABASE_URL, events, seed })
    .then((log) => log.store.close())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
