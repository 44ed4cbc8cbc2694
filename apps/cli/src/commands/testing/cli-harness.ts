import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { Client } from 'pg';
import {
  openPgliteEventStore,
  openPostgresEventStore,
} from '@ledger/event-store/sql/open-sql-event-store';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { readSchemaFor } from '@ledger/projections/runner/read-schema';

/**
 * A throw-away ledger the CLI opens through the environment, exactly as an operator's shell would
 * configure it: an on-disk PGlite directory (`LEDGER_DATA_DIR`), or a fresh schema on the PostgreSQL
 * of `DATABASE_URL` (`LEDGER_SCHEMA`). On PGlite only one instance may open the directory at a time,
 * so a spec closes its own store before it runs a command.
 */
export interface CliLedger {
  name: 'pglite' | 'postgres';
  /** The store schema; the live read models are in `readSchema`. */
  schema: string;
  readSchema: string;
  /** Points the environment at this ledger (restored by `destroy`). */
  use(): void;
  open(): Promise<SqlEventStore>;
  destroy(): Promise<void>;
}

export interface CliLedgerKind {
  name: 'pglite' | 'postgres';
  create(): Promise<CliLedger>;
}

/** PGlite always; PostgreSQL too when `DATABASE_URL` is set. */
export function cliLedgers(): CliLedgerKind[] {
  const url = process.env.DATABASE_URL?.trim();
  const kinds: CliLedgerKind[] = [{ name: 'pglite', create: createPgliteLedger }];
  if (url) kinds.push({ name: 'postgres', create: () => createPostgresLedger(url) });
  return kinds;
}

/** The ledger the environment selects: PostgreSQL when `DATABASE_URL` is set, else PGlite. */
export function environmentLedger(): CliLedgerKind {
  const kinds = cliLedgers();
  return kinds[kinds.length - 1]!;
}

async function createPgliteLedger(): Promise<CliLedger> {
  const saved = { ...process.env };
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-cli-'));
  const schema = 'ledger';
  return {
    name: 'pglite',
    schema,
    readSchema: readSchemaFor(schema),
    use() {
      delete process.env.DATABASE_URL;
      delete process.env.EVENTSTORE_URL;
      process.env.LEDGER_DATA_DIR = dataDir;
      process.env.LEDGER_SCHEMA = schema;
    },
    open: () => openPgliteEventStore({ dataDir, schema }),
    async destroy() {
      process.env = saved;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function createPostgresLedger(url: string): Promise<CliLedger> {
  const saved = { ...process.env };
  const schema = `cli_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  return {
    name: 'postgres',
    schema,
    readSchema: readSchemaFor(schema),
    use() {
      delete process.env.EVENTSTORE_URL;
      process.env.DATABASE_URL = url;
      process.env.LEDGER_SCHEMA = schema;
    },
    open: () => openPostgresEventStore({ connectionString: url, schema }),
    async destroy() {
      process.env = saved;
      await dropSchemas(url, [schema, readSchemaFor(schema)]);
    },
  };
}

export async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs `ledger <args>` in process with the given commands registered, and returns what it printed and
 * the exit code it set. Parse errors and thrown errors reject, as `main` would print them and exit 1.
 */
export async function runCli(
  register: (program: Command) => void,
  ...args: string[]
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command('ledger')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void out.push(s), writeErr: (s) => void err.push(s) });
  register(program);
  const log = jest
    .spyOn(console, 'log')
    .mockImplementation((...items: unknown[]) => void out.push(`${items.join(' ')}\n`));
  const write = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      out.push(String(chunk));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    });
  const note = jest
    .spyOn(console, 'error')
    .mockImplementation((...items: unknown[]) => void err.push(`${items.join(' ')}\n`));
  const progress = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      err.push(String(chunk));
      return true;
    });
  process.exitCode = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
    return { stdout: out.join(''), stderr: err.join(''), exitCode: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = 0;
    log.mockRestore();
    note.mockRestore();
    write.mockRestore();
    progress.mockRestore();
  }
}
