import { InvalidArgumentError, type Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { readLedgerConfig, type LedgerConfig } from '@ledger/core/ledger-config';
import { createEventStore } from '@ledger/event-store/create-event-store';
import type { EventStore } from '@ledger/event-store/port';
import { openPostgresEventStore } from '@ledger/event-store/sql';
import { runDemo, type DemoProgress, type DemoReport } from '@ledger/demo';

interface DemoCliOptions {
  events: number;
  seed: number;
  concurrency?: number;
  force?: boolean;
  json?: boolean;
}

/**
 * `ledger demo`: appends a realistic partner-programme history generated from a seed — partners in
 * three tiers going through the seed's funnel, customers from first touch to churn, payments in
 * five currencies, refunds, conflicts and disputes — so anyone can try the ledger, and benchmarks
 * have real load. Progress goes to stderr; the summary to stdout.
 */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('append a realistic partner-programme history generated from a seed (try-out data, benchmark load)')
    .option('--events <n>', 'stop once at least this many events are appended', positiveInteger, 10_000)
    .option('--seed <s>', 'the same seed always gives the same history', seedNumber, 1)
    .option('--concurrency <n>', 'appends in flight on different streams (default 16 on PostgreSQL, 4 otherwise)', positiveInteger)
    .option('--force', "when the store already holds this seed's demo, append another copy under a fresh id prefix")
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nIds start with demo<seed>- (demo<seed>r2- … with --force). Run it on a store of its own: the plan it\n' +
        'publishes applies to every account of the store. For a million events, a larger young generation\n' +
        'saves Node time in garbage collection: NODE_OPTIONS=--max-semi-space-size=64 ledger demo --events 1000000',
    )
    .action(async (options: DemoCliOptions) => {
      const config = readLedgerConfig();
      const concurrency = options.concurrency ?? (config.databaseUrl && !config.eventstoreUrl ? 16 : 4);
      const store = await openDemoStore(config, concurrency);
      // Started on the first progress report, so a refused run prints no empty bar.
      const bar = progressBar();
      let report: DemoReport;
      try {
        report = await runDemo(store, {
          seed: options.seed,
          targetEvents: options.events,
          concurrency,
          force: options.force,
          actor: 'cli:demo',
          onProgress: (progress) => bar.update(progress),
        });
        const last = { appended: report.events, decided: report.events, target: options.events, elapsedMs: report.elapsedMs };
        bar.update({ ...last, businessTime: report.businessTime.to ?? '' });
      } finally {
        bar.stop();
        await store.close();
      }
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      if (options.json) console.log(JSON.stringify({ ...report, peakRssMb }, null, 2));
      else console.log(summaryTable(report, peakRssMb));
    });
}

/** The configured store; on PostgreSQL with a pool large enough for every append in flight. */
async function openDemoStore(config: LedgerConfig, concurrency: number): Promise<EventStore> {
  if (config.databaseUrl && !config.eventstoreUrl) {
    return openPostgresEventStore({ connectionString: config.databaseUrl, schema: config.schema, maxConnections: concurrency + 2 });
  }
  return createEventStore({ databaseUrl: config.databaseUrl, eventstoreUrl: config.eventstoreUrl, dataDir: config.dataDir, schema: config.schema });
}

/** A progress bar on stderr (events/s and ETA), started at the first report so a refused run shows none. */
function progressBar(): { update(progress: DemoProgress): void; stop(): void } {
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'demo |{bar}| {percentage}% | {value}/{total} events | {eps} events/s | ETA {eta_formatted} | {businessTime}',
      etaBuffer: 50,
      fps: 5,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      const eps = Math.round((progress.appended * 1000) / Math.max(1, progress.elapsedMs));
      const payload = { eps, businessTime: progress.businessTime.slice(0, 10) };
      if (!started) bar.start(progress.target, 0, payload);
      started = true;
      bar.update(Math.min(progress.appended, progress.target), payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function summaryTable(r: DemoReport, peakRssMb: number): string {
  const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);
  const p = r.partners;
  const refused = Object.values(r.refusals).reduce((a, b) => a + b, 0);
  const table = new Table({ head: ['demo', `seed ${r.seed}, ids ${r.prefix}-…, ${r.store}`], style: { head: [], border: [] } });
  table.push(
    ['events', `${r.events} appended (target ${r.targetEvents}) from ${r.commands} commands${refused ? `, ${refused} refused` : ''}`],
    ['elapsed', `${(r.elapsedMs / 1000).toFixed(1)} s, ${r.eventsPerSecond} events/s`],
    ['memory', `peak RSS ${peakRssMb} MB, at most ${r.peakStreamsInMemory} streams held in memory`],
    ['business time', `${r.businessTime.from ?? '–'} → ${r.businessTime.to ?? '–'}`],
    ['partners', `${p.enrolled} enrolled (referral ${p.byTier.referral}, integration ${p.byTier.integration}, solution ${p.byTier.solution})`],
    ['funnel', `onboarded ${pct(p.onboarded, p.enrolled)} of recruited, activated ${pct(p.activated, p.onboarded)} of onboarded, performing ${pct(p.performing, p.activated)} of activated`],
    ['accounts', `${r.accounts} customer accounts`],
    ['payments', Object.entries(r.payments.byCurrency).map(([c, v]) => `${c} ${v.count} (${v.amount})`).join(', ') || '–'],
    ['currencies', Object.keys(r.payments.byCurrency).join(', ') || '–'],
    ['revenue', `top 20% of ${r.sourcedRevenue.partners} sourcing partners: ${r.sourcedRevenue.topFifthShare === null ? '–' : pct(r.sourcedRevenue.topFifthShare, 1)} of partner-sourced revenue`],
  );
  return table.toString();
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

function seedNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return n;
}
