/**
 * `npm run bench -- rebuild`: drops every read model and rebuilds it from the log (SPEC §6
 * `ledger rebuild`), over a realistic `ledger demo` history: 1,000,000 events on PostgreSQL (when
 * DATABASE_URL is set), 100,000 on PGlite. In the same run, the baseline is a plain sequential read
 * of the same events through the store's `readAll`, page by page, doing nothing with them: how fast
 * the log can be read at all. It runs before and after the rebuild; the faster of the two counts.
 * The rebuild streams (a page of events and a few megabytes of prepared rows at a time, never the
 * log), so its peak RSS stays flat however long the log is.
 *
 * Every step runs in a child process of its own: preparing the demo log, each baseline read, and
 * the rebuild, so `peakRssMb` is the rebuild's alone (not the demo generator's, nor a read's whose
 * heap the rebuild would inherit). `nodeCpuSeconds`/`dbCpuSeconds` are the CPU the rebuild cost this
 * process and its PostgreSQL backends: on a shared machine they say more than the elapsed time.
 *
 *   npm run bench -- rebuild
 *   BENCH_REUSE=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- rebuild
 *
 * Environment: BENCH_EVENTS (PostgreSQL, default 1,000,000), BENCH_PGLITE_EVENTS (100,000),
 * BENCH_SEED (1), BENCH_BATCH (events per page, the runner's default), BENCH_LANES (commit
 * lanes, the runner's default), BENCH_REUSE=1 (use a demo log left by an earlier run),
 * BENCH_STORES (`postgres,pglite`).
 */
import type { SqlEventStore } from '@ledger/event-store/sql';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { compareCheckpoints } from '@ledger/projections/runner/checkpoint';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import { readCheckpoints, readSchemaFor } from '@ledger/projections/runner/read-schema';
import { StageTimings } from '@ledger/projections/runner/stage-timings';
import { benchSettings, runMeasurementChild, type BenchSettings } from './support/bench-child';
import { CpuMeter, withApplicationName } from './support/cpu-usage';
import { openDemoLog, prepareDemoLogInChild, type BenchStore } from './support/demo-log';
import { peakRssMb } from './support/peak-rss';

export interface RebuildBenchResult {
  suite: 'rebuild';
  store: BenchStore;
  events: number;
  eventsPerSecond: number;
  baselineReadEventsPerSecond: number;
  ratio: number;
  peakRssMb: number;
  rebuildMs: number;
  batchSize: number;
  /** CPU the rebuild cost this process and its database backends (null: not measurable). */
  nodeCpuSeconds: number;
  dbCpuSeconds: number | null;
}

interface ReadResult {
  events: number;
  ms: number;
  peakRssMb: number;
}

type RebuildResult = Omit<RebuildBenchResult, 'baselineReadEventsPerSecond' | 'ratio'>;

const APPLICATION = 'ledger_bench_rebuild';

export async function run(): Promise<RebuildBenchResult[]> {
  const settings = benchSettings();
  const results: RebuildBenchResult[] = [];
  for (const store of settings.stores) {
    const events = store === 'postgres' ? settings.postgresEvents : settings.pgliteEvents;
    await prepareDemoLogInChild({
      store,
      databaseUrl: settings.databaseUrl,
      events,
      seed: settings.seed,
    });
    const before = await runMeasurementChild<ReadResult>(__filename, store, 'read');
    const rebuilt = await runMeasurementChild<RebuildResult>(__filename, store, 'rebuild');
    const after = await runMeasurementChild<ReadResult>(__filename, store, 'read');
    if (before.events !== rebuilt.events || after.events !== rebuilt.events)
      throw new Error(
        `the rebuild read ${rebuilt.events} events, the log holds ${before.events} (${after.events} after)`,
      );
    const baselineReadEventsPerSecond = Math.round(
      (rebuilt.events * 1000) / Math.min(before.ms, after.ms),
    );
    const result: RebuildBenchResult = {
      ...rebuilt,
      baselineReadEventsPerSecond,
      ratio: Number((rebuilt.eventsPerSecond / baselineReadEventsPerSecond).toFixed(3)),
    };
    console.log(JSON.stringify(result));
    results.push(result);
  }
  return results;
}

/** In a child: the baseline, reading the whole log page by page and dropping it. */
async function measureRead(store: BenchStore, settings: BenchSettings): Promise<ReadResult> {
  const es = await openLog(store, settings);
  try {
    const meter = await CpuMeter.start(store === 'postgres' ? es.raw() : null, APPLICATION);
    const started = performance.now();
    let events = 0;
    let page = await es.readAll({ limit: settings.batchSize });
    while (page.events.length > 0) {
      events += page.events.length;
      page = await es.readAll({ after: page.checkpoint, limit: settings.batchSize });
    }
    const ms = Math.round(performance.now() - started);
    const cpu = await meter.stop();
    console.error(
      `rebuild/${store}: baseline read ${events} events in ${ms} ms ` +
        `(CPU: node ${cpu.nodeCpuSeconds} s, database ${cpu.dbCpuSeconds ?? '?'} s; peak RSS ${peakRssMb()} MB)`,
    );
    return { events, ms, peakRssMb: peakRssMb() };
  } finally {
    await es.close();
  }
}

/** In a child: every read model dropped and rebuilt, with where the time went, then checks. */
async function measureRebuild(store: BenchStore, settings: BenchSettings): Promise<RebuildResult> {
  const es = await openLog(store, settings);
  try {
    const timings = new StageTimings();
    const runner = new ProjectionRunner({
      store: es,
      db: es.raw(),
      schema: readSchemaFor(es.schema),
      projections: ALL_PROJECTIONS,
      batchSize: settings.batchSize,
      commitLanes: settings.lanes,
      timings,
    });
    let eventsRead = 0;
    let reported = 0;
    const meter = await CpuMeter.start(store === 'postgres' ? es.raw() : null, APPLICATION);
    const started = performance.now();
    await runner.rebuild(undefined, (progress) => {
      eventsRead = progress.eventsRead;
      if (eventsRead - reported >= 250_000) {
        reported = eventsRead;
        console.error(
          `  ${eventsRead} events, ${Math.round(performance.now() - started)} ms, ` +
            `RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
        );
      }
    });
    const rebuildMs = Math.round(performance.now() - started);
    const cpu = await meter.stop();
    console.error(
      `rebuild/${store}: ${eventsRead} events in ${rebuildMs} ms ` +
        `(CPU: node ${cpu.nodeCpuSeconds} s, database ${cpu.dbCpuSeconds ?? '?'} s; peak RSS ${peakRssMb()} MB)`,
    );
    for (const { stage, ms, count } of timings.report())
      console.error(`  ${stage.padEnd(48)} ${String(ms).padStart(7)} ms  ${count}`);
    await expectComplete(es);
    return {
      suite: 'rebuild',
      store,
      events: eventsRead,
      eventsPerSecond: Math.round((eventsRead * 1000) / rebuildMs),
      peakRssMb: peakRssMb(),
      rebuildMs,
      batchSize: settings.batchSize,
      nodeCpuSeconds: cpu.nodeCpuSeconds,
      dbCpuSeconds: cpu.dbCpuSeconds,
    };
  } finally {
    await es.close();
  }
}

async function openLog(store: BenchStore, settings: BenchSettings): Promise<SqlEventStore> {
  const log = await openDemoLog({
    store,
    databaseUrl: settings.databaseUrl && withApplicationName(settings.databaseUrl, APPLICATION),
    events: store === 'postgres' ? settings.postgresEvents : settings.pgliteEvents,
    seed: settings.seed,
    reuse: true,
  });
  return log.store;
}

/**
 * A rebuild that stopped early would look fast: every projection must be at the head of the log,
 * at its own version (the mark of a finished rebuild). The parent checks the event count.
 */
async function expectComplete(store: SqlEventStore): Promise<void> {
  const head = await store.headCheckpoint();
  const stored = await readCheckpoints(store.raw(), readSchemaFor(store.schema));
  for (const projection of ALL_PROJECTIONS) {
    const found = stored.get(projection.name);
    if (found?.version !== projection.version || compareCheckpoints(found.checkpoint, head) !== 0)
      throw new Error(`projection ${projection.name} did not finish its rebuild at the head`);
  }
}

if (require.main === module) {
  const [store, step] = process.argv.slice(2) as [BenchStore, 'read' | 'rebuild'];
  const settings = benchSettings();
  (step === 'read' ? measureRead(store, settings) : measureRebuild(store, settings))
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
