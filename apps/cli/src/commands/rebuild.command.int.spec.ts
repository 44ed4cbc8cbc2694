import type { Command } from 'commander';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { readCheckpoints } from '@ledger/projections/runner/read-schema';
import { registerRebuild } from './rebuild.command';
import { compareReadModels } from './read-model-checksums';
import { recordAuditStory } from './testing/audit-story';
import { environmentLedger, runCli, type CliLedger } from './testing/cli-harness';

const TABLES = ALL_PROJECTIONS.flatMap((p) => p.tables);

function register(program: Command): void {
  registerRebuild(program);
}

/** `ledger rebuild [projection…]` on the store the environment selects. */
describe(`ledger rebuild on ${environmentLedger().name}`, () => {
  let ledger: CliLedger;
  let reference: string;

  beforeAll(async () => {
    ledger = await environmentLedger().create();
    ledger.use();
    reference = `${ledger.schema}_reference`;
    const store = await ledger.open();
    try {
      await recordAuditStory(store, ledger.schema);
      // What the live read models hold before anyone touches them, to compare rebuilds against.
      await store.raw().query(`CREATE SCHEMA "${reference}"`);
      for (const table of TABLES)
        await store
          .raw()
          .query(`CREATE TABLE "${reference}".${table} AS TABLE "${ledger.readSchema}"."${table}"`);
    } finally {
      await store.close();
    }
  }, 180_000);

  afterAll(async () => {
    const store = await ledger.open();
    await store
      .raw()
      .query(`DROP SCHEMA IF EXISTS "${reference}" CASCADE`)
      .finally(() => store.close());
    await ledger.destroy();
  });

  async function withStore<T>(
    work: (store: Awaited<ReturnType<CliLedger['open']>>) => Promise<T>,
  ): Promise<T> {
    const store = await ledger.open();
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  const differingTables = () =>
    withStore(async (store) =>
      (await compareReadModels(store.raw(), ledger.readSchema, reference, TABLES)).tables
        .filter((t) => t.differingRows > 0)
        .map((t) => t.table),
    );

  it('refuses an unknown projection, listing the valid ones, and touches nothing', async () => {
    await expect(runCli(register, 'rebuild', 'journal', 'balances')).rejects.toThrow(
      `unknown projection "balances"; valid projections are: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`,
    );
    await expect(runCli(register, 'rebuild', '--batch-size', '0')).rejects.toThrow(
      /whole number from 1 to 10000/,
    );
    expect(await differingTables()).toEqual([]);
  });

  it('drops and replays only the named projections, with progress on stderr', async () => {
    await withStore(async (store) => {
      await store.raw().query(`DELETE FROM "${ledger.readSchema}".journal_lines WHERE line_no = 2`);
      await store.raw().query(`UPDATE "${ledger.readSchema}".commission_lines SET rule = 'forged'`);
    });
    expect(await differingTables()).toEqual(['commission_lines', 'journal_lines']);

    const run = await runCli(register, 'rebuild', 'journal', '--batch-size', '10');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      /^rebuilt journal: \d+ events in [\d.]+ s \(\d+ events\/s\), up to \d+:\d+\n$/,
    );
    expect(run.stderr).toMatch(/rebuild \|.*\| \d+% \| \d+\/\d+ events \| \d+ events\/s \| ETA/);
    // The journal is whole again; the commission lines were not touched.
    expect(await differingTables()).toEqual(['commission_lines']);

    const all = await runCli(register, 'rebuild');
    expect(all.stdout).toContain(`rebuilt ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}:`);
    expect(await differingTables()).toEqual([]);
    const versions = await withStore(async (store) =>
      readCheckpoints(store.raw(), ledger.readSchema),
    );
    for (const projection of ALL_PROJECTIONS)
      expect(versions.get(projection.name)?.version).toBe(projection.version);
  }, 120_000);
});
