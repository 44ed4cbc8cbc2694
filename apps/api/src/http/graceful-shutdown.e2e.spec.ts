import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Checkpoint } from '@ledger/event-store/port';
import {
  openPgliteEventStore,
  openPostgresEventStore,
} from '@ledger/event-store/sql/open-sql-event-store';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { compareCheckpoints } from '@ledger/projections/runner/checkpoint';
import { readCheckpoints } from '@ledger/projections/runner/read-schema';

const ROOT = resolve(__dirname, '../../../..');
const KEY = 'shutdown-spec-admin-key';
/** Commands in the slow request: enough to keep it in flight well past the SIGTERM. */
const BATCH_SIZE = 200;
const BURST_SIZE = 20;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on a connection of its own, so a refused connection shows as the request's error. */
function send(port: number, method: string, path: string, body?: unknown): Promise<Answer> {
  return new Promise((resolveAnswer, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          authorization: `Bearer ${KEY}`,
          ...(text
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }
            : {}),
        },
      },
      (res) => {
        let received = '';
        res.on('data', (chunk: Buffer) => (received += chunk.toString()));
        res.on('end', () =>
          resolveAnswer({ status: res.statusCode ?? 0, headers: res.headers, body: received }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/**
 * A request whose body arrives in two parts: the headers and the first half now, the rest once
 * `rest` resolves. Between the two the request is in flight on the server whatever the store's speed.
 */
function sendInTwoParts(
  port: number,
  path: string,
  body: unknown,
  rest: Promise<void>,
): Promise<Answer> {
  return new Promise((resolveAnswer, reject) => {
    const text = Buffer.from(JSON.stringify(body));
    const half = Math.floor(text.length / 2);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        agent: false,
        headers: {
          authorization: `Bearer ${KEY}`,
          'content-type': 'application/json',
          'content-length': text.length,
        },
      },
      (res) => {
        let received = '';
        res.on('data', (chunk: Buffer) => (received += chunk.toString()));
        res.on('end', () =>
          resolveAnswer({ status: res.statusCode ?? 0, headers: res.headers, body: received }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.write(text.subarray(0, half));
    void rest.then(() => req.end(text.subarray(half)));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise((r) => server.close(r));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A throw-away store the server and the spec both open: PGlite files, or a PostgreSQL schema. */
async function throwAwayStore() {
  const url = process.env.DATABASE_URL?.trim();
  if (url) {
    const schema = `shutdown_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    return {
      env: { DATABASE_URL: url, LEDGER_SCHEMA: schema, LEDGER_DATA_DIR: '' },
      open: () => openPostgresEventStore({ connectionString: url, schema }),
      destroy: async () => {
        const client = new Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.query(`DROP SCHEMA IF EXISTS "${schema}_read" CASCADE`);
        await client.end();
      },
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-shutdown-'));
  return {
    env: { DATABASE_URL: '', LEDGER_SCHEMA: 'ledger', LEDGER_DATA_DIR: dataDir },
    // Embedded PGlite is one process's database: opened only once the server has exited.
    open: () => openPgliteEventStore({ dataDir, schema: 'ledger' }),
    destroy: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** The API as `npm start` runs it, on `port`, logging JSON at info level to a pipe. */
function startServer(port: number, env: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        LEDGER_API_KEYS: `${KEY}:admin`,
        EVENTSTORE_URL: '',
        LOG_LEVEL: 'info',
        NODE_OPTIONS: '',
      },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

async function untilLive(port: number, server: ReturnType<typeof startServer>): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`the server exited early:\n${server.stdout()}\n${server.stderr()}`);
    const live = await send(port, 'GET', '/health/live').catch(() => null);
    if (live?.status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not start:\n${server.stderr()}`);
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const signup = (accountId: string) => ({ accountId, occurredAt: '2026-03-01T00:00:00Z' });

describe('graceful shutdown of the API process', () => {
  it('on SIGTERM finishes requests in flight, refuses new ones, stores checkpoints and exits 0', async () => {
    const store = await throwAwayStore();
    const port = await freePort();
    const server = startServer(port, store.env);
    try {
      await untilLive(port, server);

      // The slow request: a batch whose body is still arriving when the signal comes, and a burst
      // of single commands sent just before it.
      let sendRest!: () => void;
      const restSent = new Promise<void>((r) => (sendRest = r));
      let batchAnsweredAt = Infinity;
      const batch = sendInTwoParts(
        port,
        '/v1/batch',
        {
          commands: Array.from({ length: BATCH_SIZE }, (_, i) => ({
            path: '/v1/signups',
            body: signup(`acc_batch_${i}`),
          })),
        },
        restSent,
      ).finally(() => (batchAnsweredAt = Date.now()));
      const burst = Array.from({ length: BURST_SIZE }, (_, i) =>
        send(port, 'POST', '/v1/signups', signup(`acc_burst_${i}`)).catch((e: Error) => e),
      );
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill('SIGTERM');
      const signalledAt = Date.now();
      await until(() => server.stdout().includes('SIGTERM received'));

      // The listening socket is closed: a new connection is refused (or, when the kernel had
      // already queued it, reset), and its command is never recorded.
      const late = await send(port, 'POST', '/v1/signups', signup('acc_late')).catch(
        (e: NodeJS.ErrnoException) => e,
      );
      // (Errors come from Node's realm, not Jest's: matched by their code.)
      expect(['ECONNREFUSED', 'ECONNRESET']).toContain((late as NodeJS.ErrnoException).code);
      expect(batchAnsweredAt).toBe(Infinity);
      expect(server.child.exitCode).toBeNull();
      sendRest();

      const batchAnswer = await batch;
      const burstAnswers = await Promise.all(burst);
      expect(await server.exited).toBe(0);

      // The batch was in flight when the signal came, and was answered in full all the same.
      expect(batchAnsweredAt).toBeGreaterThan(signalledAt);
      expect(batchAnswer.status).toBe(200);
      const results = (
        JSON.parse(batchAnswer.body) as {
          results: { status: number; body: { eventIds: string[] } }[];
        }
      ).results;
      expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
      expect(batchAnswer.headers.connection).toBe('close');
      const acknowledged = [
        ...results.flatMap((r) => r.body.eventIds),
        ...burstAnswers
          .filter((a): a is Answer => 'status' in a && a.status === 201)
          .flatMap((a) => (JSON.parse(a.body) as { eventIds: string[] }).eventIds),
      ];
      expect(acknowledged.length).toBeGreaterThanOrEqual(BATCH_SIZE);

      const reopened: SqlEventStore = await store.open();
      try {
        // On a shared PostgreSQL, a committed event shows in the global log only once older
        // transactions elsewhere on the server end (SPEC §2): wait, bounded, for the log to show
        // everything that was committed before asserting on it.
        const committed = await reopened.lastCommittedCheckpoint();
        const deadline = Date.now() + 15_000;
        while (compareCheckpoints(await reopened.headCheckpoint(), committed) < 0 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
        const head = await reopened.headCheckpoint();
        const page = await reopened.readAll({ limit: 10_000 });
        const stored = new Set(page.events.map((e) => e.eventId));
        expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
        expect(page.events.some((e) => e.streamId === 'account-acc_late')).toBe(false);
        // The batch's events carry the correlation id its answer (and its log line) named.
        const batchIds = new Set(results.flatMap((r) => r.body.eventIds));
        const batchEvents = page.events.filter((e) => batchIds.has(e.eventId));
        expect(batchEvents).toHaveLength(BATCH_SIZE);
        expect(new Set(batchEvents.map((e) => e.metadata.correlationId))).toEqual(
          new Set([batchAnswer.headers['x-correlation-id']]),
        );

        // Every projection stored a checkpoint, at most the head, and the rows of the last batch it
        // applied committed with it: the timeline holds exactly the account events up to it.
        const checkpoints = await readCheckpoints(reopened.raw(), `${reopened.schema}_read`);
        expect([...checkpoints.keys()].sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).sort());
        for (const { checkpoint } of checkpoints.values())
          expect(compareCheckpoints(checkpoint, head)).toBeLessThanOrEqual(0);
        const timeline: Checkpoint = checkpoints.get('account_timeline')!.checkpoint;
        const expected = page.events
          .filter((e) => e.streamId.startsWith('account-'))
          .filter((e) => compareCheckpoints(e, timeline) <= 0)
          .map((e) => e.eventId)
          .sort();
        const rows = await reopened
          .raw()
          .query<{ event_id: string }>(
            `SELECT event_id FROM "${reopened.schema}_read".account_timeline_entries`,
          );
        expect(rows.map((r) => r.event_id).sort()).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
      } finally {
        await reopened.close();
      }

      // Every line is JSON; every request line names its correlation id, also those answered while draining.
      const lines = server
        .stdout()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map(
          (line) =>
            JSON.parse(line) as {
              msg?: string;
              correlationId?: string;
              req?: { id?: string };
              res?: { headers?: Record<string, string> };
            },
        );
      const requestLines = lines.filter((line) => line.req !== undefined);
      expect(requestLines.length).toBeGreaterThanOrEqual(2);
      for (const line of requestLines) {
        expect(line.correlationId).toEqual(expect.any(String));
        expect(line.correlationId).toBe(line.req!.id);
        expect(line.res?.headers?.['x-correlation-id']).toBe(line.correlationId);
      }
      expect(requestLines.map((l) => l.correlationId)).toContain(
        batchAnswer.headers['x-correlation-id'],
      );
      expect(lines.map((line) => line.msg)).toEqual(
        expect.arrayContaining([
          'SIGTERM received: draining requests in flight',
          'requests drained: stopping projections and closing the store',
          'stopped',
        ]),
      );
      expect(server.stdout() + server.stderr()).not.toContain(KEY);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await store.destroy();
    }
  }, 90_000);
});
