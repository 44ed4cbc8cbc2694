import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { LedgerCommands } from '@ledger/core/commands/ledger-commands.service';
import type { Checkpoint } from '@ledger/event-store/port';
import { openPgliteEventStore } from '@ledger/event-store/sql/open-sql-event-store';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import { readSchemaFor } from '@ledger/projections/runner/read-schema';
import {
  recordProgrammeHistory,
  referralRaisedTo,
} from '../../../../libs/simulation/src/testing/programme-history';
import { registerSimulate } from './simulate.command';

const SCHEMA = 'ledger';
const WINDOW = ['--from', '2026-01-01T00:00:00Z', '--to', '2026-05-01T00:00:00Z'];

/** Every row of every table of the store's schema and its read schema, in a stable order. */
async function snapshot(store: SqlEventStore): Promise<Record<string, unknown[]>> {
  const tables = await store.raw().query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_schema IN ($1, $2) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
    [SCHEMA, readSchemaFor(SCHEMA)],
  );
  const rows: Record<string, unknown[]> = {};
  for (const { schema, name } of tables) {
    rows[`${schema}.${name}`] = await store
      .raw()
      .query(`SELECT to_jsonb(t)::text AS row FROM "${schema}"."${name}" t ORDER BY 1`);
  }
  return rows;
}

describe('ledger simulate (CLI) on an embedded store with its read models', () => {
  let dataDir: string;
  let planFile: string;
  let head: Checkpoint;
  let before: Record<string, unknown[]>;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-simulate-'));
    const store = await openPgliteEventStore({ dataDir, schema: SCHEMA });
    try {
      await recordProgrammeHistory(new LedgerCommands(store));
      const runner = new ProjectionRunner({
        store,
        db: store.raw(),
        schema: readSchemaFor(SCHEMA),
        projections: ALL_PROJECTIONS,
      });
      await runner.catchUp();
      await runner.stop();
      head = await store.headCheckpoint();
      before = await snapshot(store);
    } finally {
      await store.close();
    }
    planFile = join(dataDir, 'plan.json');
    await writeFile(
      planFile,
      JSON.stringify({ ...referralRaisedTo('0.15'), effectiveFrom: '2026-01-01T00:00:00Z' }),
    );
    process.env.LEDGER_DATA_DIR = dataDir;
    process.env.LEDGER_SCHEMA = SCHEMA;
    delete process.env.DATABASE_URL;
    delete process.env.EVENTSTORE_URL;
  });

  afterAll(async () => {
    process.env = savedEnv;
    await rm(dataDir, { recursive: true, force: true });
  });

  async function run(...args: string[]): Promise<string> {
    const printed: string[] = [];
    const log = jest
      .spyOn(console, 'log')
      .mockImplementation((text: string) => void printed.push(text));
    try {
      const program = new Command('ledger').exitOverride();
      registerSimulate(program);
      await program.parseAsync(['simulate', ...args], { from: 'user' });
    } finally {
      log.mockRestore();
    }
    return printed.join('\n');
  }

  it('prints { from, to, plan, partners, totals } with --json', async () => {
    const report = JSON.parse(await run('--plan', planFile, ...WINDOW, '--json'));
    expect(Object.keys(report)).toEqual(['from', 'to', 'plan', 'partners', 'totals']);
    expect(report.plan).toMatchObject({
      planId: 'what-if',
      version: 2,
      effectiveFrom: '2026-01-01T00:00:00.000Z',
      basis: 'gross',
    });
    expect(report.partners).toContainEqual({
      partnerId: 'p_ref',
      currency: 'USD',
      actual: '42.23',
      simulated: '63.35',
      difference: '21.12',
    });
    expect(report.totals).toEqual([
      { currency: 'JPY', actual: '1234', simulated: '1852', difference: '618' },
      { currency: 'USD', actual: '538.90', simulated: '580.02', difference: '41.12' },
    ]);
  });

  it('prints a table per partner and currency, then the total cost change', async () => {
    const text = await run('--plan', planFile, ...WINDOW);
    expect(text).toContain(
      'plan what-if v2 (basis gross, influenced × 0.5) for payments in [2026-01-01T00:00:00.000Z, 2026-05-01T00:00:00.000Z)',
    );
    expect(text).toMatch(/│ p_ref\s+│ USD\s+│\s+42\.23 │\s+63\.35 │\s+21\.12 │/);
    expect(text).toMatch(
      /total cost change per currency[\s\S]*│ USD\s+│\s+538\.90 │\s+580\.02 │\s+41\.12 │/,
    );
  });

  it('refuses a bad plan file with what to fix', async () => {
    const bad = join(dataDir, 'bad-plan.json');
    await writeFile(bad, JSON.stringify({ ...referralRaisedTo('0.15'), basis: 'margin' }));
    await expect(run('--plan', bad, ...WINDOW)).rejects.toThrow(
      'basis must be "gross" or "net", got "margin"',
    );
    await expect(run('--plan', join(dataDir, 'missing.json'), ...WINDOW)).rejects.toThrow(
      /cannot read the plan file .*missing\.json/,
    );
  });

  it('writes nothing: the head of the log and every table of the store and its read models are unchanged', async () => {
    const store = await openPgliteEventStore({ dataDir, schema: SCHEMA });
    try {
      expect(await store.headCheckpoint()).toEqual(head);
      const after = await snapshot(store);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      // The read models really hold this history, so "unchanged" is not the trivial empty case.
      expect(after[`${readSchemaFor(SCHEMA)}.commission_lines`]!.length).toBeGreaterThan(5);
      expect(after).toEqual(before);
    } finally {
      await store.close();
    }
  });
});
