import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { Client } from 'pg';
import { createEventStore } from '@ledger/event-store/create-event-store';
import { registerDemo } from './demo.command';

/**
 * `ledger demo` on the store the environment selects (a fresh PGlite directory, or a fresh schema
 * when DATABASE_URL is set): it appends a seed's history, refuses the same seed twice, and with
 * `--force` appends another copy under a fresh id prefix.
 */
describe('ledger demo', () => {
  const saved = { ...process.env };
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    const databaseUrl = process.env.DATABASE_URL?.trim();
    if (databaseUrl) {
      const schema = `demo_cli_${process.pid}_${Date.now().toString(36)}`;
      process.env.LEDGER_SCHEMA = schema;
      cleanUp = () => dropSchema(databaseUrl, schema);
    } else {
      const dataDir = await mkdtemp(join(tmpdir(), 'ledger-demo-'));
      process.env.LEDGER_DATA_DIR = dataDir;
      cleanUp = () => rm(dataDir, { recursive: true, force: true });
    }
  });

  afterAll(async () => {
    process.env = saved;
    await cleanUp?.();
  });

  it('appends the seed\'s history and prints a JSON summary', async () => {
    const summary = await demo('--events', '300', '--seed', '5', '--json');
    expect(summary).toMatchObject({ seed: 5, prefix: 'demo5', targetEvents: 300, refusals: {} });
    expect(summary.events).toBeGreaterThanOrEqual(300);
    expect(summary.partners.enrolled).toBeGreaterThan(0);
    expect(summary.peakRssMb).toBeGreaterThan(0);
    expect(await storedEvents()).toBe(summary.events);
  }, 120_000);

  it('refuses the same seed again, naming it, and appends nothing', async () => {
    const before = await storedEvents();
    await expect(demo('--events', '300', '--seed', '5', '--json')).rejects.toThrow(/already holds the demo of seed 5 .*--force/);
    expect(await storedEvents()).toBe(before);
  }, 120_000);

  it('with --force appends another copy under a fresh prefix, and the store still verifies', async () => {
    const before = await storedEvents();
    const summary = await demo('--events', '300', '--seed', '5', '--force', '--json');
    expect(summary.prefix).toBe('demo5r2');
    expect(await storedEvents()).toBe(before + summary.events);
    const store = await openStore();
    try {
      expect((await store.verifyIntegrity()).problems).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('rejects a target that is not a positive whole number', async () => {
    await expect(demo('--events', '1e3')).rejects.toThrow(/positive whole number/);
  });
});

/** Runs `ledger demo …` in process and returns what it printed as JSON. */
async function demo(...args: string[]) {
  const program = new Command('ledger').exitOverride().configureOutput({ writeErr: () => undefined });
  registerDemo(program);
  const printed: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
  const progress = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['demo', ...args], { from: 'user' });
  } finally {
    log.mockRestore();
    progress.mockRestore();
  }
  return JSON.parse(printed.join('\n'));
}

function openStore() {
  const url = process.env.DATABASE_URL?.trim();
  return createEventStore({ databaseUrl: url || undefined, dataDir: process.env.LEDGER_DATA_DIR, schema: process.env.LEDGER_SCHEMA ?? 'ledger' });
}

async function storedEvents(): Promise<number> {
  const store = await openStore();
  try {
    return (await store.verifyIntegrity()).eventsChecked;
  } finally {
    await store.close();
  }
}

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
