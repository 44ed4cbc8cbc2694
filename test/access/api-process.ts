import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { LedgerConfig } from '@ledger/core';

const ROOT = resolve(__dirname, '../..');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** The API as its own process, exactly as `npm start` runs it, with everything it writes kept. */
export interface ApiProcess {
  baseUrl: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then the exit code once it has exited (SIGKILL if it hangs). */
  stop(): Promise<number | null>;
}

/**
 * Starts `apps/api/src/main.ts` on a free port with `config` given through the environment (its
 * keys as `LEDGER_API_KEYS`), and resolves once `/health` answers.
 */
export async function startApiProcess(config: LedgerConfig, logLevel: string): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: String(port),
      LOG_LEVEL: logLevel,
      LEDGER_API_KEYS: config.apiKeys.map(({ key, role }) => `${key}:${role}`).join(','),
      DATABASE_URL: config.databaseUrl ?? '',
      EVENTSTORE_URL: '',
      LEDGER_SCHEMA: config.schema,
      LEDGER_DATA_DIR: config.dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited while starting:\n${output}`);
    if (await answers(`${baseUrl}/health`)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not answer /health within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }

  return {
    baseUrl,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
