import type { Command } from 'commander';
import { LedgerCommands } from '@ledger/core/commands/ledger-commands.service';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import { record } from '../../../../libs/simulation/src/testing/programme-history';
import { registerRebuild } from './rebuild.command';
import { registerVerify } from './verify.command';
import { recordAuditStory } from './testing/audit-story';
import { cliLedgers, runCli, type CliLedger } from './testing/cli-harness';

const TABLES = ALL_PROJECTIONS.flatMap((p) => p.tables);

function register(program: Command): void {
  registerVerify(program);
  registerRebuild(program);
}

/**
 * `ledger verify` on the store the CLI is configured for: it passes after a real programme history,
 * names the row when a read model was altered by hand, and names the stream revision when an event
 * was altered behind the append-only trigger's back.
 */
describe.each(cliLedgers())('ledger verify on $name', (kind) => {
  let ledger: CliLedger;

  beforeAll(async () => {
    ledger = await kind.create();
    ledger.use();
    const store = await ledger.open();
    try {
      await recordAuditStory(store, ledger.schema);
    } finally {
      await store.close();
    }
  }, 180_000);

  afterAll(async () => {
    await ledger?.destroy();
  });

  /** Runs SQL on the ledger's database with the store closed again afterwards (PGlite allows one opener). */
  async function sql<T = Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    const store = await ledger.open();
    try {
      return await store.raw().query<T>(text, params);
    } finally {
      await store.close();
    }
  }

  it('passes after the story: hash chains intact, and a fresh replay equals every live table', async () => {
    const run = await runCli(register, 'verify', '--json');
    const report = JSON.parse(run.stdout);
    expect(run.exitCode).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.integrity).toMatchObject({ ok: true, problems: [] });
    expect(report.integrity.eventsChecked).toBeGreaterThan(60);
    expect(report.readModels).toMatchObject({ ok: true, differences: [] });
    expect(report.readModels.eventsReplayed).toBe(report.integrity.eventsChecked);
    const compared = report.readModels.tables as {
      table: string;
      liveRows: number;
      replayedRows: number;
    }[];
    expect(compared.map((t) => t.table)).toEqual(TABLES);
    for (const t of compared) expect(t.replayedRows).toBe(t.liveRows);
    // The comparison is not the trivial one of empty tables: the money read models hold the story.
    const rows = Object.fromEntries(compared.map((t) => [t.table, t.liveRows]));
    expect(rows).toMatchObject({ commission_lines: 12, payouts: 3 });
    expect(rows.journal_lines).toBeGreaterThan(20);
    // The scratch schema is gone.
    const left = await sql(`SELECT 1 FROM information_schema.schemata WHERE schema_name LIKE $1`, [
      `${ledger.readSchema}_verify_%`,
    ]);
    expect(left).toEqual([]);
  }, 120_000);

  if (kind.name === 'postgres') {
    it('compares at one checkpoint while a worker runs the projections and facts keep arriving', async () => {
      const store = await ledger.open();
      const worker = new ProjectionRunner({
        store,
        db: store.raw(),
        schema: ledger.readSchema,
        projections: ALL_PROJECTIONS,
        idleMs: 5,
      });
      try {
        worker.start();
        // Once it has applied the head, the worker holds the projections' lock: verify must wait for it.
        expect(await worker.waitFor(await store.headCheckpoint(), 10_000)).toBe(true);
        const commands = new LedgerCommands(store);
        const arriving = (async () => {
          for (let i = 0; i < 40; i++) {
            await record(commands, {
              type: 'RecordTouchpoint',
              data: {
                touchpointId: `tp_live_${i}`,
                partnerId: 'p_ref',
                accountId: `acc_live_${i % 5}`,
                kind: 'demo',
                occurredAt: '2026-06-01T10:00:00.000Z',
              },
            });
          }
        })();
        const [run] = await Promise.all([runCli(register, 'verify', '--json'), arriving]);
        const report = JSON.parse(run.stdout);
        expect(report.readModels).toMatchObject({ ok: true, differences: [] });
        expect(run.exitCode).toBe(0);
      } finally {
        await worker.stop();
        await store.close();
      }
    }, 120_000);
  }

  it('fails naming the table, the key and both values when a balance line was altered by hand', async () => {
    await sql(
      `UPDATE "${ledger.readSchema}".commission_lines SET amount = amount + 0.01 WHERE commission_id = 'pay_1a:p_ref'`,
    );

    const text = await runCli(register, 'verify');
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain('hash chains and seals: intact');
    expect(text.stdout).toContain(
      'DIFFERS commission_lines [commission_id=pay_1a:p_ref]: amount: live 10.02, replayed 10.01',
    );
    expect(text.stdout).toMatch(
      /^table commission_lines: 1 differing row\(s\) \(live 12 rows, replayed 12\)$/m,
    );
    expect(text.stdout).toContain('read models: 1 table(s) differ from a fresh replay');

    const report = JSON.parse((await runCli(register, 'verify', '--json')).stdout);
    expect(report.ok).toBe(false);
    expect(report.readModels.differences).toEqual([
      expect.objectContaining({
        table: 'commission_lines',
        key: { commission_id: 'pay_1a:p_ref' },
        kind: 'changed',
        columns: ['amount'],
        live: expect.objectContaining({ amount: '10.02', partner_id: 'p_ref' }),
        replayed: expect.objectContaining({ amount: '10.01', partner_id: 'p_ref' }),
      }),
    ]);

    // Rebuilding the read model from the log repairs it.
    await runCli(register, 'rebuild', 'commissions');
    expect((await runCli(register, 'verify')).exitCode).toBe(0);
  }, 120_000);

  it('fails naming the stream and revision when an event was altered behind the trigger', async () => {
    const [earned] = await sql<{ stream_revision: number }>(
      `SELECT stream_revision FROM "${ledger.schema}".events
        WHERE stream_id = 'account-acc_1' AND type = 'CommissionEarned' AND data->>'paymentId' = 'pay_1a'`,
    );
    const revision = Number(earned!.stream_revision);
    // As a DBA would: triggers off for this transaction only (superuser), as the store's tamper specs do.
    const store = await ledger.open();
    try {
      await store.raw().transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
        await tx.query(
          `UPDATE "${ledger.schema}".events SET data = jsonb_set(data, '{amount}', '"99.99"')
            WHERE stream_id = 'account-acc_1' AND stream_revision = $1`,
          [revision],
        );
      });
    } finally {
      await store.close();
    }

    const text = await runCli(register, 'verify');
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toMatch(
      new RegExp(`BROKEN hash_mismatch: stream account-acc_1, revision ${revision}\\b`),
    );

    const report = JSON.parse((await runCli(register, 'verify', '--json')).stdout);
    expect(report.integrity.ok).toBe(false);
    expect(report.integrity.problems[0]).toMatchObject({
      kind: 'hash_mismatch',
      streamId: 'account-acc_1',
      streamRevision: revision,
    });
    // The replay reads the forged amount, so the live read models (built from the original) differ too.
    expect(report.readModels.differences).toContainEqual(
      expect.objectContaining({
        table: 'commission_lines',
        key: { commission_id: 'pay_1a:p_ref' },
        columns: ['amount'],
      }),
    );
  }, 120_000);
});
