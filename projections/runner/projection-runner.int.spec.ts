import { commissionsProjection } from '../commissions/commissions.projection';
import { journalProjection } from '../journal/journal.projection';
import { partnerHoldsProjection } from '../partner-balances/partner-holds.projection';
import type { Projection } from '../projection';
import { formatPositionToken } from './checkpoint';
import { projectionStatus } from './projection-status';
import { diffReadModels } from './read-model-diff';
import { CHECKPOINTS_TABLE, readCheckpoints } from './read-schema';
import { ProjectionRunner, type RebuildProgress } from './projection-runner';
import { moneyStory } from './testing/money-story';
import { dumpTables, testDatabases, type TestLedgerDb } from './testing/test-databases';
import { activityProjection } from './testing/activity.projection';

/** The money projections and a test projection using every upsert merge rule. */
const PROJECTIONS = [
  commissionsProjection,
  partnerHoldsProjection,
  journalProjection,
  activityProjection,
];
const TABLES = PROJECTIONS.flatMap((p) => p.tables);

describe.each(testDatabases())('projection runner on $name', (database) => {
  let ledger: TestLedgerDb;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    ledger = await database.create();
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await ledger.destroy();
  });

  function runner(
    options: { batchSize?: number; projections?: readonly Projection[] } = {},
  ): ProjectionRunner {
    const created = new ProjectionRunner({
      store: ledger.store,
      db: ledger.store.raw(),
      schema: ledger.readSchema,
      projections: options.projections ?? PROJECTIONS,
      batchSize: options.batchSize ?? 1000,
      standbyMs: 50,
      onError: (error) => {
        throw error;
      },
    });
    runners.push(created);
    return created;
  }

  const dump = () => dumpTables(ledger.store, ledger.readSchema, TABLES);

  async function rewindTo(position: {
    transactionId: bigint;
    globalPosition: bigint;
  }): Promise<void> {
    await ledger.store
      .raw()
      .query(
        `UPDATE "${ledger.readSchema}"."${CHECKPOINTS_TABLE}" SET transaction_id = $1::numeric, global_position = $2::bigint`,
        [position.transactionId.toString(), position.globalPosition.toString()],
      );
  }

  it('applying every event twice, with batch boundaries elsewhere, leaves identical tables', async () => {
    const story = moneyStory();
    await ledger.append(...story.slice(0, 4));
    const middle = await ledger.store.headCheckpoint();
    await ledger.append(...story.slice(4));

    await runner({ batchSize: 3 }).catchUp();
    const once = await dump();
    expect(once.commission_lines).toHaveLength(5);
    expect(once.journal_lines).toHaveLength(14);

    await rewindTo(middle);
    await runner({ batchSize: 2 }).catchUp();
    expect(await dump()).toEqual(once);

    await rewindTo({ transactionId: 0n, globalPosition: 0n });
    await runner({ batchSize: 4 }).catchUp();
    expect(await dump()).toEqual(once);
  });

  it('merges upserts in SQL (one event per batch) exactly as in memory (one batch)', async () => {
    await ledger.append(...moneyStory());
    await runner({ batchSize: 1, projections: [activityProjection] }).catchUp();
    const oneByOne = await dumpTables(ledger.store, ledger.readSchema, activityProjection.tables);
    expect(oneByOne.partner_activity).toEqual([
      {
        row: {
          partner_id: 'p2',
          events: 1,
          first_at: '2026-05-05T10:00:00.000Z',
          last_at: '2026-05-05T10:00:00.000Z',
          largest: 40,
          last_type: 'CommissionEarned',
          position: expect.any(Number),
        },
      },
      {
        row: {
          partner_id: 'p1',
          events: 1,
          first_at: '2026-03-10T10:00:00.000Z',
          last_at: '2026-05-01T10:00:00.000Z',
          largest: 500,
          last_type: 'CommissionReassigned',
          position: expect.any(Number),
        },
      },
    ]);

    await runner({ batchSize: 1000, projections: [activityProjection] }).rebuild();
    expect(await dumpTables(ledger.store, ledger.readSchema, activityProjection.tables)).toEqual(
      oneByOne,
    );
  });

  it('leaves a row untouched (no new row version) when re-applying its events changes nothing', async () => {
    await ledger.append(...moneyStory());
    await runner({ batchSize: 2, projections: [activityProjection] }).catchUp();
    const versions = () =>
      ledger.store
        .raw()
        .query<{ partner_id: string; xmin: string }>(
          `SELECT partner_id, xmin::text AS xmin FROM "${ledger.readSchema}".partner_activity ORDER BY partner_id`,
        );
    const before = await versions();
    expect(before).toHaveLength(2);

    await rewindTo({ transactionId: 0n, globalPosition: 0n });
    await runner({ batchSize: 2, projections: [activityProjection] }).catchUp();
    expect(await versions()).toEqual(before);
  });

  it('resumes exactly where it stopped, and a later run equals a rebuild from scratch', async () => {
    const story = moneyStory();
    const first = runner({ batchSize: 2 });
    first.start();
    const halfway = await ledger.append(...story.slice(0, 5));
    expect(await first.waitFor(halfway, 10_000)).toBe(true);
    await first.stop();

    const stored = await readCheckpoints(ledger.store.raw(), ledger.readSchema);
    expect([...stored.values()].map((c) => c.checkpoint)).toEqual(PROJECTIONS.map(() => halfway));

    const end = await ledger.append(...story.slice(5));
    const second = runner({ batchSize: 2 });
    second.start();
    expect(await second.waitFor(end, 10_000)).toBe(true);
    const resumed = await dump();

    await second.stop();
    await runner().rebuild();
    expect(await dump()).toEqual(resumed);
  });

  it('rebuilds a projection whose version changed, and only then', async () => {
    await ledger.append(...moneyStory());
    await runner({ projections: [journalProjection] }).catchUp();
    const full = await dumpTables(ledger.store, ledger.readSchema, journalProjection.tables);
    await ledger.store
      .raw()
      .query(`DELETE FROM "${ledger.readSchema}"."journal_lines" WHERE line_no = 2`);

    await runner({ projections: [journalProjection] }).catchUp();
    expect(
      (await dumpTables(ledger.store, ledger.readSchema, journalProjection.tables)).journal_lines,
    ).toHaveLength(7);

    await runner({
      projections: [{ ...journalProjection, version: journalProjection.version + 1 }],
    }).catchUp();
    expect(await dumpTables(ledger.store, ledger.readSchema, journalProjection.tables)).toEqual(
      full,
    );
  });

  it('rebuilds named projections on request, reporting progress up to the head', async () => {
    await ledger.append(...moneyStory());
    const run = runner({ batchSize: 4 });
    await run.catchUp();
    const before = await dump();
    const progress: RebuildProgress[] = [];
    await run.rebuild(['journal'], (p) => progress.push(p));
    expect(progress.map((p) => p.eventsRead)).toEqual([4, 8, 9]);
    expect(progress[progress.length - 1]!.checkpoint).toEqual(await ledger.store.headCheckpoint());
    expect(await dump()).toEqual(before);
    await expect(run.rebuild(['no_such_projection'])).rejects.toThrow('unknown projection');
  });

  it('builds plain indexes and event keys after a rebuild, and rebuilds again after one that died midway', async () => {
    await ledger.append(...moneyStory());
    const indexes = async () =>
      (
        await ledger.store
          .raw()
          .query<{ indexname: string }>(
            `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'journal_lines' ORDER BY indexname`,
            [ledger.readSchema],
          )
      ).map((row) => row.indexname);
    let failOnce = true;
    const dying: Projection = {
      ...journalProjection,
      evolve: (event) => {
        if (failOnce && event.type === 'CommissionClawedBack') throw new Error('process died');
        return journalProjection.evolve(event);
      },
    };
    await expect(runner({ batchSize: 2, projections: [dying] }).rebuild()).rejects.toThrow(
      'process died',
    );
    const stored = await readCheckpoints(ledger.store.raw(), ledger.readSchema);
    expect(stored.get('journal')?.version).toBe(0);
    // Journal lines are event-keyed: the dead rebuild had deferred their primary key as well.
    expect(await indexes()).toEqual([]);

    failOnce = false;
    await runner({ projections: [dying] }).catchUp();
    expect(await indexes()).toEqual(['journal_lines_partner_idx', 'journal_lines_pkey']);
    expect(
      (await dumpTables(ledger.store, ledger.readSchema, journalProjection.tables)).journal_lines,
    ).toHaveLength(14);

    await runner({ projections: [journalProjection] }).rebuild();
    expect(await indexes()).toEqual(['journal_lines_partner_idx', 'journal_lines_pkey']);
    expect(
      (await readCheckpoints(ledger.store.raw(), ledger.readSchema)).get('journal')?.version,
    ).toBe(journalProjection.version);
  });

  it('refuses a rebuild of an event-keyed table that an event writes rows of another into', async () => {
    await ledger.append(...moneyStory());
    const lying: Projection = {
      ...journalProjection,
      // Every line named after the first event: rows of several events would collide on one key.
      evolve: (event) =>
        journalProjection
          .evolve(event)
          .map((op) => ({ ...op, row: { ...op.row, event_id: 'the-first' } })),
    };
    await expect(runner({ projections: [lying] }).rebuild()).rejects.toThrow(
      /journal_lines is event-keyed, but event .* inserts a row of another event/,
    );
    expect(
      (await readCheckpoints(ledger.store.raw(), ledger.readSchema)).get('journal')?.version,
    ).toBe(0);
  });

  it('waitFor answers false when the projections do not reach the position in time', async () => {
    const head = await ledger.append(...moneyStory().slice(0, 1));
    const run = runner();
    expect(await run.waitFor(head, 50)).toBe(false);
    run.start();
    expect(await run.waitFor(head, 10_000)).toBe(true);
    expect(
      await run.waitFor({ transactionId: head.transactionId + 1000n, globalPosition: 0n }, 50),
    ).toBe(false);
  });

  it('reports where each projection stands against the head of the log', async () => {
    const head = await ledger.append(...moneyStory());
    const names = PROJECTIONS.map((p) => p.name);
    const before = await projectionStatus(
      ledger.store,
      ledger.store.raw(),
      ledger.readSchema,
      names,
    );
    expect(before.projections.map((p) => [p.position, p.caughtUp])).toEqual(
      names.map(() => [null, false]),
    );
    await runner().catchUp();
    const after = await projectionStatus(
      ledger.store,
      ledger.store.raw(),
      ledger.readSchema,
      names,
    );
    expect(after.head).toBe(formatPositionToken(head));
    expect(after.projections.map((p) => [p.name, p.position, p.caughtUp])).toEqual(
      names.map((name) => [name, after.head, true]),
    );
  });

  it('replays into a scratch schema identical to the live one, and a diff finds a tampered row', async () => {
    await ledger.append(...moneyStory());
    await runner().catchUp();
    const scratch = `${ledger.readSchema}_verify`;
    const replay = new ProjectionRunner({
      store: ledger.store,
      db: ledger.store.raw(),
      schema: scratch,
      projections: PROJECTIONS,
    });
    await replay.rebuild();
    expect(await diffReadModels(ledger.store.raw(), ledger.readSchema, scratch, TABLES)).toEqual(
      [],
    );

    await ledger.store
      .raw()
      .query(
        `UPDATE "${scratch}".commission_lines SET amount = amount + 0.01 WHERE commission_id = 'pay-2:p1'`,
      );
    expect(await diffReadModels(ledger.store.raw(), ledger.readSchema, scratch, TABLES)).toEqual([
      { table: 'commission_lines', onlyInFirst: 1, onlyInSecond: 1 },
    ]);
    await ledger.store.raw().query(`DROP SCHEMA "${scratch}" CASCADE`);
  });

  if (database.name === 'postgres') {
    it('lets one runner own a projection set at a time; the other stands by', async () => {
      await ledger.append(...moneyStory());
      const owner = runner();
      owner.start();
      expect(await owner.waitFor(await ledger.store.headCheckpoint(), 10_000)).toBe(true);

      const other = runner();
      await expect(other.catchUp()).rejects.toThrow('being run by another process');
      other.start();
      const later = await ledger.append(...moneyStory().slice(0, 1));
      expect(await owner.waitFor(later, 10_000)).toBe(true);

      await owner.stop();
      const last = await ledger.append(...moneyStory().slice(1, 2));
      expect(await other.waitFor(last, 10_000)).toBe(true);
    });
  }
});
