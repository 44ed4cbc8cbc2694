/**
 * Append throughput of the SQL event store against the same rows written with bare multi-row
 * INSERTs (what SPEC §2 costs: validation, expected revision, command record, hash chain, stream
 * head, one transaction per batch). PostgreSQL when DATABASE_URL is set (in a fresh schema, dropped after),
 * and always in-memory PGlite. Prints one JSON line per store on stdout.
 *
 *   node -r @swc-node/register bench/append.bench.ts
 *   BENCH_EVENTS=20000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node -r @swc-node/register bench/append.bench.ts
 */
import {
  openPgliteEventStore,
  openPostgresEventStore,
  type SqlEventStore,
} from '@ledger/event-store/sql';
import {
  batchOf,
  planPerAppender,
  runAppenders,
  workloadFromEnv,
  type AppendBatch,
  type AppendWorkload,
} from './support/append-workload';
import { createBareTable, insertBareBatch } from './support/bare-table';
import { peakRssMb } from './support/peak-rss';

export interface AppendBenchResult {
  suite: 'append';
  store: 'postgres' | 'pglite';
  eventsPerSecond: number;
  baselineEventsPerSecond: number;
  ratio: number;
  peakRssMb: number;
}

export async function run(): Promise<AppendBenchResult[]> {
  const workload = workloadFromEnv();
  const results: AppendBenchResult[] = [];
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_append_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const store = await openPostgresEventStore({
      connectionString: url,
      schema,
      maxConnections: workload.concurrency,
    });
    results.push(await measure(store, workload, schema, true));
  }
  const pglite = await openPgliteEventStore({ schema: 'ledger' });
  results.push(await measure(pglite, workload, 'bench_baseline', false));
  return results;
}

async function measure(
  store: SqlEventStore,
  workload: AppendWorkload,
  baselineSchema: string,
  dropSchemaAfter: boolean,
): Promise<AppendBenchResult> {
  const db = store.raw();
  try {
    const table = await createBareTable(db, baselineSchema);
    // The store and the baseline take turns slice by slice, and alternate which goes first, so
    // that whatever else the machine is doing slows both alike instead of skewing the ratio. A
    // slice's events are built before its clock starts, and only one slice is in memory at once.
    let storeMs = 0;
    let baselineMs = 0;
    const sides = [
      async (slice: AppendBatch[][]) =>
        (storeMs += await runAppenders(slice, (b) =>
          store.append(b.streamId, b.events, { expected: b.expected, command: b.command }),
        )),
      async (slice: AppendBatch[][]) =>
        (baselineMs += await runAppenders(slice, (b) => insertBareBatch(db, table, b))),
    ];
    const planned = slices(planPerAppender(workload), SLICES);
    for (const [i, plans] of planned.entries()) {
      const slice = plans.map((appender) => appender.map(batchOf));
      const [storeBefore, baselineBefore] = [storeMs, baselineMs];
      for (const side of i % 2 === 0 ? sides : [...sides].reverse()) await side(slice);
      if (process.env.BENCH_VERBOSE) {
        const events = slice.flat().reduce((n, b) => n + b.events.length, 0);
        const rate = (ms: number) => Math.round((events * 1000) / ms);
        console.error(
          `  slice ${i + 1}/${SLICES}: store ${rate(storeMs - storeBefore)} events/s, ` +
            `bare ${rate(baselineMs - baselineBefore)} events/s`,
        );
      }
    }
    await expectRows(store, table, workload.totalEvents);

    const eventsPerSecond = Math.round((workload.totalEvents * 1000) / storeMs);
    const baselineEventsPerSecond = Math.round((workload.totalEvents * 1000) / baselineMs);
    const result: AppendBenchResult = {
      suite: 'append',
      store: store.name,
      eventsPerSecond,
      baselineEventsPerSecond,
      ratio: Number((eventsPerSecond / baselineEventsPerSecond).toFixed(3)),
      peakRssMb: peakRssMb(),
    };
    console.error(
      `append/${store.name}: store ${eventsPerSecond} events/s, bare INSERT ${baselineEventsPerSecond} events/s, ` +
        `ratio ${result.ratio}, peak RSS ${result.peakRssMb} MB ` +
        `(${workload.totalEvents} events, batches of ${workload.batchSize}, ${workload.streams} streams, ` +
        `${workload.concurrency} appenders)`,
    );
    console.log(JSON.stringify(result));
    return result;
  } finally {
    if (dropSchemaAfter) {
      await db.query(`DROP SCHEMA IF EXISTS "${baselineSchema}" CASCADE`);
      if (baselineSchema !== store.schema)
        await db.query(`DROP SCHEMA IF EXISTS "${store.schema}" CASCADE`);
    }
    await store.close();
  }
}

const SLICES = 10;

/** Each appender's batches cut into `count` consecutive slices, keeping every stream's order. */
function slices<T>(perAppender: T[][], count: number): T[][][] {
  return Array.from({ length: count }, (_, i) =>
    perAppender.map((items) => {
      const size = Math.ceil(items.length / count);
      return items.slice(i * size, (i + 1) * size);
    }),
  );
}

/** A benchmark that lost rows would measure nothing: both tables must hold every event. */
async function expectRows(store: SqlEventStore, bareTable: string, total: number): Promise<void> {
  const [counts] = await store
    .raw()
    .query<{ store: string; bare: string }>(
      `SELECT (SELECT count(*) FROM ${store.table('events')})::text AS store, (SELECT count(*) FROM ${bareTable})::text AS bare`,
    );
  if (Number(counts!.store) !== total || Number(counts!.bare) !== total) {
    throw new Error(
      `expected ${total} rows in each table, found store ${counts!.store}, bare ${counts!.bare}`,
    );
  }
}

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
