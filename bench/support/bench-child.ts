import { spawn } from 'node:child_process';
import { DEFAULT_BATCH_SIZE } from '@ledger/projections/runner/projection-runner';
import type { BenchStore } from './demo-log';

/** What the read-side benchmarks share, from the environment. */
export interface BenchSettings {
  databaseUrl?: string;
  /** PostgreSQL when DATABASE_URL is set, then PGlite (or as BENCH_STORES says). */
  stores: BenchStore[];
  postgresEvents: number;
  pgliteEvents: number;
  seed: number;
  batchSize: number;
  /** Commit lanes of the projection runner (BENCH_LANES); undefined: the runner's default. */
  lanes?: number;
  /** Latency samples per operation (BENCH_SAMPLES). */
  samples: number;
}

export function benchSettings(): BenchSettings {
  const int = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isSafeInteger(value) || value < 1)
      throw new Error(`${name} must be a positive integer`);
    return value;
  };
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const wanted = (process.env.BENCH_STORES ?? 'postgres,pglite').split(',').map((s) => s.trim());
  const stores = (['postgres', 'pglite'] as const).filter((store) => wanted.includes(store));
  if (stores.includes('postgres') && !databaseUrl) {
    console.error('DATABASE_URL not set: PostgreSQL skipped');
    stores.splice(stores.indexOf('postgres'), 1);
  }
  return {
    databaseUrl,
    stores,
    postgresEvents: int('BENCH_EVENTS', 1_000_000),
    pgliteEvents: int('BENCH_PGLITE_EVENTS', 100_000),
    seed: int('BENCH_SEED', 1),
    batchSize: int('BENCH_BATCH', DEFAULT_BATCH_SIZE),
    lanes: process.env.BENCH_LANES === undefined ? undefined : int('BENCH_LANES', 1),
    samples: int('BENCH_SAMPLES', 300),
  };
}

/**
 * Runs `file` (a benchmark module) as a child process measuring one store (with `args` saying what
 * to measure), and returns the JSON object it prints last on stdout. A child of its own keeps each
 * measurement's peak RSS its own.
 */
export async function runMeasurementChild<T>(
  file: string,
  store: BenchStore,
  ...args: string[]
): Promise<T> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', file, store, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const last = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{'))
    throw new Error(`measuring ${store} failed (exit ${code}): ${stdout.slice(-500)}`);
  return JSON.parse(last) as T;
}
