import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPgliteEventStore } from '@ledger/event-store/sql/open-sql-event-store';
import { readCheckpoints } from '@ledger/projections/runner/read-schema';
import { moneyStory } from '@ledger/projections/runner/testing/money-story';

const ROOT = resolve(__dirname, '../../..');

/** Runs the worker as its own process, as `npm run start:worker` does, until it says it started. */
function startWorker(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise<void>((resolveStarted, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('projection worker started')) resolveStarted();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code} before starting:\n${output}`)),
    );
  });
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => resolveExit(code)),
  );
  return { child, started, exited, output: () => output };
}

describe('projection worker process', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-worker-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('projects the log, and on SIGTERM stores its checkpoint and exits 0', async () => {
    const store = await openPgliteEventStore({ dataDir, schema: 'ledger' });
    for (const { streamId, event } of moneyStory())
      await store.append(streamId, [event], { expected: 'any' });
    const head = await store.headCheckpoint();
    await store.close();

    const worker = startWorker({
      LEDGER_DATA_DIR: dataDir,
      DATABASE_URL: '',
      EVENTSTORE_URL: '',
      LOG_LEVEL: 'info',
    });
    await worker.started;
    // Embedded PGlite is one process's database: wait for the worker, then look after it exits.
    await new Promise((r) => setTimeout(r, 3000));
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('projection worker stopped');

    const reopened = await openPgliteEventStore({ dataDir, schema: 'ledger' });
    try {
      const checkpoints = await readCheckpoints(reopened.raw(), 'ledger_read');
      expect([...checkpoints.values()].map((c) => c.checkpoint)).toEqual(
        [...checkpoints.values()].map(() => head),
      );
      const [lines] = await reopened
        .raw()
        .query<{ count: number }>(
          `SELECT count(*)::int AS count FROM ledger_read.commission_lines`,
        );
      expect(lines?.count).toBe(5);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
