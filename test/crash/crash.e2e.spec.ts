import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openPostgresEventStore } from '@ledger/event-store/sql/open-sql-event-store';
import { compareCheckpoints, parsePositionToken } from '@ledger/projections/runner/checkpoint';
import { auditStore, differingDuplicates, type AuditReport } from './support/crash-audit';
import { CrashClient, type Delivery } from './support/crash-client';
import { driveWorkload, killAtPlannedPoints, planKills } from './support/crash-driver';
import { buildWorkload } from './support/crash-workload';
import { seededRandom } from './support/seeded-random';
import {
  freePort,
  runLedgerCli,
  ServerSupervisor,
  type LedgerEnv,
} from './support/server-supervisor';

const url = process.env.DATABASE_URL?.trim();

/**
 * CI size by default; `npm run test:crash:full` sets the full one (a few thousand commands, more
 * kills). CRASH_SEED replays a run's kill points.
 */
const SIZE = {
  partners: intFromEnv('CRASH_PARTNERS', 12),
  accounts: intFromEnv('CRASH_ACCOUNTS', 40),
  runs: intFromEnv('CRASH_RUNS', 4),
  kills: intFromEnv('CRASH_KILLS', 10),
  connections: intFromEnv('CRASH_CONNECTIONS', 8),
  seed: intFromEnv('CRASH_SEED', Date.now() % 1_000_000),
};

const KEYS = {
  ingest: 'crash-ingest-key',
  manager: 'crash-manager-key',
  finance: 'crash-finance-key',
};

if (!url)
  process.stdout.write(
    '[crash] skipped: the crash test needs PostgreSQL; set DATABASE_URL to run it\n',
  );

/**
 * SPEC §2 and §5 under power cuts: a supervisor runs the real server on PostgreSQL and SIGKILLs it at
 * random points of a workload (partners, touchpoints, payments, refunds, payout runs), at least
 * CRASH_KILLS times, restarting it each time; the client re-sends every command it has no answer for
 * (same id, same body). Afterwards no command is lost, none is applied twice, every duplicate is
 * answered byte for byte as the first time, the money reconciles, and `ledger verify` passes.
 */
(url ? describe : describe.skip)('the server killed again and again [needs DATABASE_URL]', () => {
  const schema = `crash_${randomBytes(4).toString('hex')}`;
  let env: LedgerEnv;
  let supervisor: ServerSupervisor;
  let deliveries: Delivery[] = [];
  let again: Delivery[] = [];
  let audit: AuditReport;
  let verify: { code: number | null; stdout: string; stderr: string };
  let killedDuringRun = false;
  const workload = buildWorkload(SIZE);

  beforeAll(async () => {
    env = {
      DATABASE_URL: url!,
      LEDGER_SCHEMA: schema,
      LEDGER_API_KEYS: Object.entries(KEYS)
        .map(([role, key]) => `${key}:${role}`)
        .join(','),
      PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
    };
    supervisor = new ServerSupervisor(env);
    await supervisor.start();
    const client = new CrashClient(supervisor.baseUrl, KEYS, SIZE.connections);
    const plan = planKills(seededRandom(SIZE.seed), workload, SIZE.kills);
    const probe = new Client({ connectionString: url });
    await probe.connect();
    const sharesIssued = async (runId: string) => {
      const { rows } = await probe.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}".commands WHERE command_id LIKE $1`,
        [`IssuePayout:${runId}:%`],
      );
      return Number(rows[0]?.n ?? 0);
    };
    let finished = false;
    try {
      const [driven, killer] = await Promise.all([
        driveWorkload(client, workload, SIZE.connections, (sofar) => untilVisible(sofar)).finally(
          () => (finished = true),
        ),
        killAtPlannedPoints(supervisor, client, plan, () => finished, sharesIssued),
      ]);
      deliveries = driven;
      killedDuringRun = killer.killedDuringRun;
      // Every command once more, with the server left alone: each is a duplicate now.
      const resend = new CrashClient(supervisor.baseUrl, KEYS, SIZE.connections);
      again = [];
      for (const d of deliveries) again.push(await resend.deliver(d.command));
      resend.close();
      process.stdout.write(
        `[crash] seed ${SIZE.seed}: ${deliveries.length} commands, ${supervisor.kills} kills ` +
          `(in flight at each: ${killer.inFlightAtKill.join(' ')}), ${supervisor.starts} starts, ` +
          `${client.retries} re-sends, a payout run killed mid-way: ${killedDuringRun}\n`,
      );
    } finally {
      client.close();
      await probe.end();
      await supervisor.stop();
    }
    verify = await runLedgerCli(env, ['verify']);
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      audit = await auditStore(db, schema, workload, deliveries);
    } finally {
      await db.end();
    }
  }, 1_800_000);

  afterAll(async () => {
    await supervisor?.stop();
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      for (const s of [schema, `${schema}_read`])
        await db.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    } finally {
      await db.end();
    }
  });

  /** Before the last run: every acknowledged write must be visible in the log, or that run could not pay it. */
  async function untilVisible(sofar: Delivery[]): Promise<void> {
    const positions = sofar
      .map((d) =>
        typeof d.body.position === 'string' ? parsePositionToken(d.body.position) : null,
      )
      .filter((p) => p !== null);
    const last = positions.reduce((a, b) => (compareCheckpoints(a, b) >= 0 ? a : b));
    const store = await openPostgresEventStore({
      connectionString: url!,
      schema,
      maxConnections: 1,
    });
    try {
      const deadline = Date.now() + 60_000;
      while (compareCheckpoints(await store.headCheckpoint(), last) < 0) {
        if (Date.now() > deadline) throw new Error('acknowledged writes stayed invisible for 60 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await store.close();
    }
  }

  it(`kills the server at least ${SIZE.kills} times and it never dies by itself`, () => {
    expect(supervisor.crashReport()).toBeNull();
    expect(supervisor.kills).toBeGreaterThanOrEqual(SIZE.kills);
  });

  it('gets every command of the workload acknowledged', () => {
    expect(deliveries).toHaveLength(workload.size);
    expect(
      deliveries.filter((d) => d.status !== 201).map((d) => `${d.command.commandId}: ${d.text}`),
    ).toEqual([]);
  });

  it('answers every duplicate byte for byte as the first time', () => {
    expect(differingDuplicates(deliveries, again)).toEqual([]);
  });

  it('loses no command, applies none twice, pays nothing twice, and the money reconciles', () => {
    expect(audit.problems).toEqual([]);
    expect(audit.payouts).toBeGreaterThan(0);
  });

  it('passes `ledger verify`', () => {
    expect([verify.code, verify.stderr]).toEqual([0, expect.any(String)]);
    expect(verify.stdout).toMatch(/intact/);
  });
});

function intFromEnv(name: string, fallback: number): number {
  const text = process.env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, got "${text}"`);
  return value;
}
