import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const START_TIMEOUT_MS = 90_000;

/** The environment the server and the CLI run with: the real configuration variables, nothing else. */
export interface LedgerEnv {
  DATABASE_URL: string;
  LEDGER_SCHEMA: string;
  LEDGER_API_KEYS: string;
  PORT: string;
  LOG_LEVEL: string;
}

/**
 * Runs the real server (`node -r @swc-node/register apps/api/src/main.ts`) as a child process,
 * kills it with SIGKILL — no shutdown hook, no flush, exactly like a power cut — and starts it again
 * on the same port and database. Only ever signals the process it started itself.
 */
export class ServerSupervisor {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private output = '';
  /** Set while the supervisor itself is stopping the child, so that exit is not a crash. */
  private stopping = false;
  private unexpectedExit: string | null = null;
  starts = 0;
  kills = 0;

  constructor(readonly env: LedgerEnv) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  /** Starts the server and resolves once `GET /health` answers 200. */
  async start(): Promise<void> {
    if (this.child) throw new Error('the server is already running');
    this.stopping = false;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        if (!this.stopping)
          this.unexpectedExit = `exited by itself (code ${code}, signal ${signal})`;
        if (this.child === child) this.child = null;
        resolve();
      }),
    );
    await this.untilHealthy();
  }

  /** SIGKILL: the process gets no chance to finish anything. Resolves once it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.stopping = true;
    child.kill('SIGKILL');
    await this.exited;
    this.kills++;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** Leaves no process behind, whatever state the test ended in. */
  async stop(): Promise<void> {
    if (!this.child) return;
    this.stopping = true;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Why the server stopped when nobody killed it, with its last output; null if it never did. */
  crashReport(): string | null {
    return this.unexpectedExit === null ? null : `${this.unexpectedExit}\n${this.output}`;
  }

  private async untilHealthy(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (this.unexpectedExit) throw new Error(`the server did not start: ${this.crashReport()}`);
      try {
        const response = await fetch(`${this.baseUrl}/health`, {
          signal: AbortSignal.timeout(2_000),
        });
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline)
        throw new Error(
          `the server was not healthy within ${START_TIMEOUT_MS} ms:\n${this.output}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A TCP port nobody listens on right now, for the server to take (and take again after a kill). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs the `ledger` CLI with the same environment; resolves with its exit code and output. */
export function runLedgerCli(
  env: LedgerEnv,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
