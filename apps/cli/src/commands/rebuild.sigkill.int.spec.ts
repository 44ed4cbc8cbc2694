import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { runDemo } from '@ledger/demo';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import { readCheckpoints } from '@ledger/projections/runner/read-schema';
import { compareReadModels } from './read-model-checksums';
import { environmentLedger, type CliLedger } from './testing/cli-harness';

const ROOT = resolve(__dirname, '../../../..');
const TABLES = ALL_PROJECTIONS.flatMap((p) => p.tables);
const DEMO_EVENTS = 3_000;

interface Child {
  /** Resolves with the first progress report printed: events done and expected. */
  firstProgress: Promise<{ done: number; total: number }>;
  exited: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
  kill(): void;
}

/** `ledger rebuild …` as its own process, as an operator runs it, with the spec's environment. */
function rebuildProcess(...args: string[]): Child {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'rebuild', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let onProgress: (p: { done: number; total: number }) => void = () => undefined;
  const firstProgress = new Promise<{ done: number; total: number }>(
    (resolveProgress) => (onProgress = resolveProgress),
  );
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const match = /\| (\d+)\/(\d+) events/.exec(stderr);
    if (match) onProgress({ done: Number(match[1]), total: Number(match[2]) });
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal, stdout, stderr })),
  );
  return { firstProgress, exited, kill: () => child.kill('SIGKILL') };
}

/**
 * Issue 4: "Killing the worker with SIGKILL in the middle of a rebuild and starting it again ends in
 * read models identical to an uninterrupted rebuild." A few thousand demo events, a rebuild in its own
 * process killed once its progress shows it under way, then started again — as `ledger rebuild`, and as
 * a worker start (which rebuilds whatever a dead rebuild left at version 0) — and the result compared,
 * table by table and row checksum by row checksum, with an uninterrupted rebuild into another schema.
 */
describe(`a rebuild killed with SIGKILL and started again, on ${environmentLedger().name}`, () => {
  let ledger: CliLedger;
  let reference: string;

  async function withStore<T>(work: (store: SqlEventStore) => Promise<T>): Promise<T> {
    const store = await ledger.open();
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  const runner = (store: SqlEventStore, schema: string) =>
    new ProjectionRunner({ store, db: store.raw(), schema, projections: ALL_PROJECTIONS });

  beforeAll(async () => {
    ledger = await environmentLedger().create();
    ledger.use();
    reference = `${ledger.schema}_reference`;
    await withStore(async (store) => {
      const demo = await runDemo(store, {
        seed: 11,
        targetEvents: DEMO_EVENTS,
        concurrency: 4,
        actor: 'spec',
      });
      expect(demo.events).toBeGreaterThanOrEqual(DEMO_EVENTS);
      await runner(store, reference).rebuild();
    });
  }, 300_000);

  afterAll(async () => {
    await withStore((store) => store.raw().query(`DROP SCHEMA IF EXISTS "${reference}" CASCADE`));
    await ledger.destroy();
  });

  /** Kills a rebuild once it has committed its first page, and checks that it really died midway. */
  async function killMidway(): Promise<void> {
    const child = rebuildProcess('--batch-size', '100');
    const progress = await child.firstProgress;
    child.kill();
    const exit = await child.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(progress.done).toBeGreaterThan(0);
    expect(progress.done).toBeLessThan(progress.total);
    await withStore(async (store) => {
      await untilLockReleased(store);
      const stored = await readCheckpoints(store.raw(), ledger.readSchema);
      // Version 0 marks a replay that never finished; the journal holds only part of the history.
      expect([...stored.values()].map((c) => c.version)).toEqual(ALL_PROJECTIONS.map(() => 0));
      const compared = await compareReadModels(store.raw(), ledger.readSchema, reference, [
        'journal_lines',
      ]);
      expect(compared.tables[0]!.liveRows).toBeLessThan(compared.tables[0]!.replayedRows);
    });
  }

  /**
   * On PostgreSQL the dead process's advisory lock on the projections goes once the server has noticed
   * its connection is gone; a restart before that would (rightly) be told another process runs them.
   */
  async function untilLockReleased(store: SqlEventStore): Promise<void> {
    if (store.raw().dialect !== 'postgres') return;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const free = await store.raw().transaction(async (tx) => {
        const [row] = await tx.query<{ free: boolean }>(
          `SELECT pg_try_advisory_xact_lock(hashtext($1), 2) AS free`,
          [`${ledger.readSchema}:projections`],
        );
        return row?.free === true;
      });
      if (free) return;
      if (Date.now() > deadline)
        throw new Error('the killed rebuild still holds the projections lock after 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function expectIdenticalToReference(): Promise<void> {
    await withStore(async (store) => {
      const compared = await compareReadModels(store.raw(), ledger.readSchema, reference, TABLES);
      expect(compared.tables.filter((t) => t.differingRows > 0)).toEqual([]);
      expect(compared.differences).toEqual([]);
      // Identical, and not trivially: the demo fills the money read models.
      const rows = Object.fromEntries(compared.tables.map((t) => [t.table, t.liveRows]));
      expect(rows.commission_lines).toBeGreaterThan(50);
      expect(rows.journal_lines).toBeGreaterThan(100);
      const stored = await readCheckpoints(store.raw(), ledger.readSchema);
      for (const projection of ALL_PROJECTIONS)
        expect(stored.get(projection.name)?.version).toBe(projection.version);
    });
  }

  it('ledger rebuild started again finishes with read models identical to an uninterrupted rebuild', async () => {
    await killMidway();
    const again = rebuildProcess();
    const exit = await again.exited;
    expect({ code: exit.code, stderr: exit.code === 0 ? '' : exit.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(exit.stdout).toMatch(/^rebuilt commissions, .*: \d+ events in/);
    await expectIdenticalToReference();
  }, 180_000);

  it('a worker started after the kill rebuilds what the dead rebuild left, to the same read models', async () => {
    await killMidway();
    // What the worker does on start: prepare the read schema (rebuilding every projection at version 0)
    // and apply the log up to its head.
    await withStore((store) => runner(store, ledger.readSchema).catchUp());
    await expectIdenticalToReference();
  }, 180_000);
});
