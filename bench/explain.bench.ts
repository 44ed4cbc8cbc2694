/**
 * `npm run bench -- explain`: what finance and partner managers wait for, with a realistic
 * `ledger demo` history in the store (1,000,000 events on PostgreSQL when DATABASE_URL is set,
 * 100,000 on PGlite). The real API runs in the measuring process with its in-process projection
 * runner; one payout run pays the whole history (`POST /v1/payout-runs`, as of 2027-01-01), and then,
 * one request at a time over a keep-alive connection, for a few hundred random samples each:
 *
 * - explanation: `GET /v1/payouts/{id}/explanation` of a random payout of that run;
 * - statement: a random paid partner's statement as `ledger statement` produces it (balances, every
 *   commission line with what payouts paid of it, in one snapshot), as of the run;
 * - balance: `GET /v1/partners/{id}/balance` of the same partners;
 * - timeline: `GET /v1/accounts/{id}/timeline` of a random account;
 * - health: `GET /health`, the floor any request pays on this machine at this moment (a store
 *   ping and the projections' positions), to tell slow queries from a busy machine;
 * - the explanation of the run's payout with the most lines, on its own.
 *
 * One JSON line per store. `p50Ms`/`p99Ms` are those of the slower of explanation and statement
 * (the target is both under 50 ms p99); every operation's own figures follow. The payout run is
 * recorded under a fixed id, so a rerun on a kept demo log (BENCH_REUSE=1) answers it again and
 * appends nothing.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- explain
 *
 * Environment: as `rebuild` (BENCH_EVENTS, BENCH_PGLITE_EVENTS, BENCH_SEED, BENCH_REUSE,
 * BENCH_STORES), and BENCH_SAMPLES (300 per operation).
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { EVENT_STORE, type LedgerConfig } from '@ledger/core';
import type { SqlEventStore } from '@ledger/event-store/sql';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { readSchemaFor } from '@ledger/projections/runner/read-schema';
import { waitForProjections } from '@ledger/projections/runner/wait-for-projections';
import { createApp } from '../apps/api/src/main';
import { runCommandId } from '../apps/api/src/running-payouts/record-payout-run';
import { partnerStatement } from '../apps/cli/src/commands/partner-statement';
import { benchSettings, runMeasurementChild, type BenchSettings } from './support/bench-child';
import { withApplicationName } from './support/cpu-usage';
import {
  demoSchemaName,
  pgliteDemoDir,
  prepareDemoLogInChild,
  type BenchStore,
} from './support/demo-log';
import { percentile, sample, TimedClient } from './support/latency';
import { peakRssMb } from './support/peak-rss';

export interface ExplainBenchResult {
  suite: 'explain';
  store: BenchStore;
  events: number;
  p50Ms: number;
  p99Ms: number;
  explainP50Ms: number;
  explainP99Ms: number;
  statementP50Ms: number;
  statementP99Ms: number;
  timelineP50Ms: number;
  timelineP99Ms: number;
  balanceP50Ms: number;
  balanceP99Ms: number;
  /** `GET /health` (a store ping and the projections' positions): the floor of any request here. */
  healthP50Ms: number;
  healthP99Ms: number;
  /** The explanation of the payout with the most lines (median of 5), and how many it has. */
  largestPayoutLines: number;
  largestPayoutExplainMs: number;
  samples: number;
  payouts: number;
  /** How long `POST /v1/payout-runs` took; when replayed, only to answer the stored run. */
  payoutRunMs: number;
  payoutRunReplayed: boolean;
  peakRssMb: number;
}

const KEY = 'bench-admin-key';
const RUN = { runId: 'bench-run-2027-01-01', asOf: '2027-01-01T00:00:00Z' };
const WARM_UP = 30;

export async function run(): Promise<ExplainBenchResult[]> {
  const settings = benchSettings();
  const results: ExplainBenchResult[] = [];
  for (const store of settings.stores) {
    const events = store === 'postgres' ? settings.postgresEvents : settings.pgliteEvents;
    await prepareDemoLogInChild({
      store,
      databaseUrl: settings.databaseUrl,
      events,
      seed: settings.seed,
    });
    const result = await runMeasurementChild<ExplainBenchResult>(__filename, store);
    console.log(JSON.stringify(result));
    results.push(result);
  }
  return results;
}

async function measure(store: BenchStore, settings: BenchSettings): Promise<ExplainBenchResult> {
  const events = store === 'postgres' ? settings.postgresEvents : settings.pgliteEvents;
  const schema = store === 'postgres' ? demoSchemaName(events, settings.seed) : 'ledger';
  const config: LedgerConfig = {
    databaseUrl:
      store === 'postgres'
        ? withApplicationName(settings.databaseUrl!, 'ledger_bench_explain')
        : undefined,
    dataDir: pgliteDemoDir(events, settings.seed),
    schema,
    port: 0,
    apiKeys: [{ key: KEY, role: 'admin' }],
    logLevel: 'silent',
    runProjections: true,
  };
  const app = await createApp(config);
  await app.init();
  await app.listen(0, '127.0.0.1');
  const client = new TimedClient((app.getHttpServer().address() as AddressInfo).port, KEY);
  try {
    const ledger = app.get<SqlEventStore>(EVENT_STORE);
    const readSchema = readSchemaFor(schema);
    const label = `explain/${store}`;
    await untilProjected(ledger, readSchema, label);

    const replayed = (await ledger.findCommand(runCommandId(RUN.runId))) !== null;
    const started = performance.now();
    const answer = await client.send('POST', '/v1/payout-runs', RUN);
    const payoutRunMs = Math.round(performance.now() - started);
    if (answer.status !== 201 && answer.status !== 200)
      throw new Error(`payout run answered ${answer.status}: ${JSON.stringify(answer.answer)}`);
    const payouts = (answer.answer as { payouts: { payoutId: string; partnerId: string }[] })
      .payouts;
    console.error(
      `${label}: payout run: ${payouts.length} payouts in ${payoutRunMs} ms` +
        (replayed ? ' (recorded by an earlier run: this is the stored answer)' : ''),
    );
    if (payouts.length === 0) throw new Error('the payout run paid nobody: nothing to explain');
    await untilProjected(ledger, readSchema, label);

    const n = settings.samples;
    const explain = await timeAll(
      client,
      sample(payouts, n + WARM_UP, settings.seed).map(
        (p) => `/v1/payouts/${encodeURIComponent(p.payoutId)}/explanation`,
      ),
    );
    const partners = sample(
      [...new Set(payouts.map((p) => p.partnerId))],
      n + WARM_UP,
      settings.seed,
    );
    const at = { asOf: new Date(RUN.asOf).toISOString(), knownAt: new Date().toISOString() };
    const statement: number[] = [];
    for (const [i, partnerId] of partners.entries()) {
      const started = performance.now();
      const answer = await partnerStatement(ledger.raw(), readSchema, partnerId, at);
      const ms = performance.now() - started;
      if (answer.commissions.length === 0)
        throw new Error(`${partnerId} was paid without commissions`);
      if (i >= WARM_UP) statement.push(ms);
    }
    const balance = await timeAll(
      client,
      partners.map((p) => `/v1/partners/${encodeURIComponent(p)}/balance?asOf=${RUN.asOf}`),
    );
    const accounts = await ledger
      .raw()
      .query<{ account_id: string }>(
        `SELECT account_id FROM "${readSchema}".account_attribution_accounts ORDER BY account_id`,
      );
    const timeline = await timeAll(
      client,
      sample(accounts, n + WARM_UP, settings.seed).map(
        (a) => `/v1/accounts/${encodeURIComponent(a.account_id)}/timeline`,
      ),
    );

    const health = await timeAll(
      client,
      Array.from({ length: n + WARM_UP }, () => '/health'),
    );
    const [largest] = await ledger.raw().query<{ payout_id: string; line_count: number }>(
      `SELECT payout_id, line_count FROM "${readSchema}".payouts WHERE run_id = $1
         ORDER BY line_count DESC, payout_id LIMIT 1`,
      [RUN.runId],
    );
    const largestPath = `/v1/payouts/${encodeURIComponent(largest!.payout_id)}/explanation`;
    const largestTimes: number[] = [];
    for (let i = 0; i < 6; i++) largestTimes.push(await client.get(largestPath));

    const [head] = await ledger
      .raw()
      .query<{ count: string }>(`SELECT count(*)::text AS count FROM ${ledger.table('events')}`);
    const figures = {
      explainP50Ms: percentile(explain, 0.5),
      explainP99Ms: percentile(explain, 0.99),
      statementP50Ms: percentile(statement, 0.5),
      statementP99Ms: percentile(statement, 0.99),
    };
    const slower =
      figures.statementP99Ms > figures.explainP99Ms
        ? { p50Ms: figures.statementP50Ms, p99Ms: figures.statementP99Ms }
        : { p50Ms: figures.explainP50Ms, p99Ms: figures.explainP99Ms };
    return {
      suite: 'explain',
      store,
      events: Number(head!.count),
      ...slower,
      ...figures,
      timelineP50Ms: percentile(timeline, 0.5),
      timelineP99Ms: percentile(timeline, 0.99),
      balanceP50Ms: percentile(balance, 0.5),
      balanceP99Ms: percentile(balance, 0.99),
      healthP50Ms: percentile(health, 0.5),
      healthP99Ms: percentile(health, 0.99),
      largestPayoutLines: Number(largest!.line_count),
      largestPayoutExplainMs: percentile(largestTimes.slice(1), 0.5),
      samples: Math.min(explain.length, statement.length, timeline.length),
      payouts: payouts.length,
      payoutRunMs,
      payoutRunReplayed: replayed,
      peakRssMb: peakRssMb(),
    };
  } finally {
    client.close();
    await app.close();
  }
}

/** The samples of each path after the warm-up, requested one after another. */
async function timeAll(client: TimedClient, paths: readonly string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const [i, path] of paths.entries()) {
    const ms = await client.get(path);
    if (i >= WARM_UP) samples.push(ms);
  }
  return samples;
}

/**
 * Waits until the API's projection runner has applied the whole log (a first start on a demo log
 * replays all of it), so every query reads complete read models.
 */
async function untilProjected(ledger: SqlEventStore, schema: string, label: string): Promise<void> {
  const started = performance.now();
  const head = await ledger.headCheckpoint();
  const reached = await waitForProjections({
    db: ledger.raw(),
    schema,
    names: ALL_PROJECTIONS.map((p) => p.name),
    target: head,
    timeoutMs: 30 * 60_000,
    everyMs: 200,
  });
  if (!reached) throw new Error('the read models did not reach the head of the log in 30 minutes');
  console.error(
    `${label}: read models at the head after ${Math.round(performance.now() - started)} ms`,
  );
}

if (require.main === module) {
  const store = process.argv[2] as BenchStore;
  measure(store, benchSettings())
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
