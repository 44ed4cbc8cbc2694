/**
 * `npm run bench -- commands`: the write path as internal services meet it. The real server runs in
 * its own process; autocannon drives `POST /v1/payments` (each payment on a new account that a partner
 * sourced) at 32 connections for 20 s. In the same run, the baseline is raw single-row INSERT
 * transactions of the same event shape at the same concurrency, straight into the same database.
 *
 * One JSON line per store: PostgreSQL when DATABASE_URL is set, and embedded PGlite (BENCH_STORES
 * picks, as in every suite). The server runs with the ledger's default settings, projections included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { SqlQueryable } from '@ledger/event-store/sql';
import { benchSettings } from './support/bench-child';
import { CpuMeter, procCpuSeconds, withApplicationName } from './support/cpu-usage';
import { peakRssMb as peakRss } from './support/peak-rss';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const KEY = 'bench-admin-key';
const APPLICATION = 'ledger_bench_commands';
const PAYLOAD = { source: 'billing', plan: 'growth', seats: 12, note: 'x'.repeat(120) };

interface StoreUnderTest {
  store: 'postgres' | 'pglite';
  env: NodeJS.ProcessEnv;
  accounts: number;
  /** Where the server's database backends can be found for their CPU time (null: not measurable). */
  db: SqlQueryable | null;
  baseline: (durationS: number) => Promise<number>;
  cleanup: () => Promise<void>;
}

export async function run(): Promise<object[]> {
  const lines: object[] = [];
  const { databaseUrl, stores } = benchSettings();
  for (const store of stores) {
    lines.push(
      await benchOne(store === 'postgres' ? postgresTarget(databaseUrl!) : pgliteTarget()),
    );
  }
  return lines;
}

async function benchOne(target: StoreUnderTest): Promise<object> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = startServer({ ...target.env, PORT: String(port) });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base);
    await prepareAccounts(base, target.accounts);
    if (process.env.LEDGER_RUN_PROJECTIONS !== 'false') await waitForProjections(base);

    const cpu = await CpuMeter.start(target.db, APPLICATION);
    const serverCpuBefore = procCpuSeconds(server.pid!);
    let next = 0;
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          path: '/v1/payments',
          headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
          setupRequest: (req) => {
            const i = next++ % target.accounts;
            return {
              ...req,
              body: JSON.stringify({
                paymentId: `pay-${i}`,
                accountId: `acc-${i}`,
                amount: '100.00',
                currency: 'USD',
                revenueModel: 'monthly_subscription',
                occurredAt: '2026-02-01T10:00:00Z',
              }),
            };
          },
        },
      ],
    });
    const serverCpu = (procCpuSeconds(server.pid!) ?? NaN) - (serverCpuBefore ?? NaN);
    const { dbCpuSeconds } = await cpu.stop();
    if (next > target.accounts)
      throw new Error(`only ${target.accounts} accounts were prepared; raise BENCH_ACCOUNTS`);
    const ok = result['2xx'];
    const commandsPerSecond = ok / DURATION_S;
    const perCommandMs = (seconds: number | null) =>
      seconds === null ? null : round((seconds * 1000) / ok, 3);
    const peakRssMb = peakRss(server.pid!);
    const baselinePerSecond = await target.baseline(DURATION_S);
    const line = {
      suite: 'commands',
      store: target.store,
      commandsPerSecond: round(commandsPerSecond),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.non2xx + result.errors,
      baselinePerSecond: round(baselinePerSecond),
      ratio: round(commandsPerSecond / baselinePerSecond, 3),
      peakRssMb,
      serverCpuMsPerCommand: perCommandMs(serverCpu),
      dbCpuMsPerCommand: perCommandMs(dbCpuSeconds),
      connections: CONNECTIONS,
      durationS: DURATION_S,
    };
    console.log(JSON.stringify(line));
    return line;
  } finally {
    await stopServer(server);
    await target.cleanup();
  }
}

function postgresTarget(databaseUrl: string): StoreUnderTest {
  const schema = `bench_cmd_${process.pid}`;
  const pool = new Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  return {
    store: 'postgres',
    env: { DATABASE_URL: withApplicationName(databaseUrl, APPLICATION), LEDGER_SCHEMA: schema },
    db: { query: async (text, params) => (await pool.query(text, params as unknown[])).rows },
    accounts: Number(process.env.BENCH_ACCOUNTS ?? 40_000),
    baseline: async (durationS) => {
      await pool.query(`CREATE TABLE IF NOT EXISTS ${schema}_baseline (${BARE_COLUMNS})`);
      const insert = (i: number) => pool.query(BARE_INSERT(`${schema}_baseline`), bareRow(i));
      const rate = await closedLoop(durationS, CONNECTIONS, insert);
      await pool.query(`DROP TABLE IF EXISTS ${schema}_baseline`);
      return rate;
    },
    cleanup: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.query(`DROP SCHEMA IF EXISTS ${schema}_read CASCADE`);
      await pool.end();
    },
  };
}

function pgliteTarget(): StoreUnderTest {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  return {
    store: 'pglite',
    env: { LEDGER_DATA_DIR: join(dir, 'ledger') },
    db: null,
    accounts: Number(process.env.BENCH_PGLITE_ACCOUNTS ?? 15_000),
    baseline: async (durationS) => {
      // The same on-disk embedded database the server used, in this process once the server is gone.
      const db = await PGlite.create(join(dir, 'baseline'));
      await db.query(`CREATE TABLE bare (${BARE_COLUMNS})`);
      const rate = await closedLoop(durationS, CONNECTIONS, (i) =>
        db.query(BARE_INSERT('bare'), bareRow(i)),
      );
      await db.close();
      return rate;
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The events table's shape without its checks, triggers, hash chain or idempotency record. */
const BARE_COLUMNS = `global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id uuid NOT NULL, stream_id text NOT NULL, stream_revision integer NOT NULL, type text NOT NULL,
  occurred_at text NOT NULL, recorded_at text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL`;
const BARE_INSERT = (table: string) =>
  `INSERT INTO ${table} (event_id, stream_id, stream_revision, type, occurred_at, recorded_at, data, metadata)
   VALUES (gen_random_uuid(), $1, 0, 'PaymentRecorded', $2, $2, $3, $4)`;
function bareRow(i: number): unknown[] {
  return [
    `account-acc-${i}`,
    new Date().toISOString(),
    JSON.stringify({ i, ...PAYLOAD }),
    JSON.stringify({ commandId: `c-${i}` }),
  ];
}

/** `workers` loops each awaiting one operation at a time, for `durationS`; returns operations/s. */
async function closedLoop(
  durationS: number,
  workers: number,
  op: (i: number) => Promise<unknown>,
): Promise<number> {
  const end = Date.now() + durationS * 1000;
  let done = 0;
  let i = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < end) {
        await op(i++);
        done++;
      }
    }),
  );
  return done / durationS;
}

/** Enrols one integration partner and gives it a coupon touchpoint on every account the load will pay. */
async function prepareAccounts(base: string, accounts: number): Promise<void> {
  await post(base, '/v1/partners', {
    partnerId: 'p-bench',
    name: 'Bench Partner',
    tier: 'integration',
    enrolledAt: '2025-01-01T00:00:00Z',
  });
  const batches: object[][] = [];
  for (let from = 0; from < accounts; from += 1000) {
    batches.push(
      Array.from({ length: Math.min(1000, accounts - from) }, (_, k) => ({
        path: '/v1/touchpoints',
        body: {
          touchpointId: `tp-${from + k}`,
          partnerId: 'p-bench',
          accountId: `acc-${from + k}`,
          kind: 'coupon',
          occurredAt: '2026-01-10T10:00:00Z',
        },
      })),
    );
  }
  const started = Date.now();
  let index = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (index < batches.length) {
        const commands = batches[index++]!;
        const answer = (await post(base, '/v1/batch', { commands })) as {
          results: { status: number }[];
        };
        const bad = answer.results.filter((r) => r.status !== 201);
        if (bad.length > 0) throw new Error(`preparing accounts failed: ${JSON.stringify(bad[0])}`);
      }
    }),
  );
  console.error(
    `commands: prepared ${accounts} sourced accounts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function post(base: string, path: string, body: object): Promise<unknown> {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (response.status >= 300 && path !== '/v1/batch')
    throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL; // only the target decides the store
  // BENCH_SERVER_NODE_ARGS passes flags to the server's Node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const main = join(__dirname, '../apps/api/src/main.ts');
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', main], {
    env: { ...inherited, ...env, LEDGER_API_KEYS: `${KEY}:admin`, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server never answered /health');
}

/**
 * The projections run inside the server: let them catch up with the prepared accounts first, so the
 * load is measured in the steady state (projecting its own payments as it goes), not while the
 * server is still working off the set-up.
 */
async function waitForProjections(base: string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 600_000) {
    const health = (await (await fetch(`${base}/health`)).json()) as {
      projections?: { caughtUp?: boolean };
    };
    if (health.projections?.caughtUp) {
      console.error(
        `commands: projections caught up with the set-up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the projections did not catch up with the prepared accounts within 10 minutes');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
