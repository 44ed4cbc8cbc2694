import fc from 'fast-check';
import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import { partnerBalances } from '@ledger/projections/partner-balances/partner-balance.query';
import { interleave, picksArbitrary } from './support/interleaving';
import { factsProgrammeArbitrary, type Programme } from './support/programme.arbitrary';
import { ProgrammeModel, type Action } from './support/programme.model';
import { checkInvariants, Coverage, perform } from './support/programme-runner';
import { PropertyLedger, propertyDatabases } from './support/property-ledger';
import {
  assertProperty,
  expectReached,
  propertySettings,
  timeLimitMs,
} from './support/property-settings';
import { moneyRowsWithoutArrival } from './support/read-model-rows';

const settings = propertySettings({ numRuns: 12, maxSteps: 14 });
const FOREVER = { asOf: '9999-12-31T23:59:59.999Z', knownAt: '9999-12-31T23:59:59.999Z' };
const FINAL_RUN = { runId: 'final', asOf: '2026-07-01T00:00:00.000Z', minimumPayout: '50.00' };

interface Delivery {
  model: ProgrammeModel;
  action: Action;
}

/** A programme's commands, decided up front: the model predicts every answer they depend on. */
function deliveriesOf(prefix: string, programme: Programme): Delivery[] {
  const model = new ProgrammeModel(prefix, programme);
  const actions = [...model.setUp(), ...programme.steps.flatMap((s) => model.plan(s))];
  return actions.map((action) => ({ model, action }));
}

/** What a ledger answered and holds after receiving `actions` in this order and running payouts. */
async function outcomeOf(db: SqlClient, deliveries: Delivery[], coverage: Coverage) {
  const ledger = await PropertyLedger.open(db);
  try {
    const answers = new Map<Action, string>();
    for (const { model, action } of deliveries) {
      answers.set(
        action,
        JSON.stringify(await perform(ledger, model, action, coverage), replyOnly),
      );
    }
    const run = await ledger.runPayouts(FINAL_RUN);
    const models = new Set(deliveries.map((d) => d.model));
    const partnerIds = [...models].flatMap((m) => m.partnerIds());
    const fold = await checkInvariants(ledger, partnerIds);
    coverage.addEvents(fold);
    const balances = await Promise.all(
      partnerIds.map((p) => partnerBalances(ledger.db, ledger.readSchema, p, FOREVER)),
    );
    return {
      answers,
      run: JSON.stringify(run, replyOnly),
      balances: Object.fromEntries(partnerIds.map((p, i) => [p, balances[i]])),
      rows: await moneyRowsWithoutArrival(ledger.db, ledger.readSchema),
    };
  } finally {
    await ledger.destroy();
  }
}

/** Answers compared without their positions in the log, which depend on arrival by definition. */
function replyOnly(key: string, value: unknown): unknown {
  return key === 'checkpoint' || key === 'position' ? undefined : value;
}

/**
 * Two programmes on different partners and accounts share nothing, so the order in which their
 * commands interleave at the ledger must not matter: every command answers the same, and balances,
 * commission lines, adjustments, journal lines and a payout run afterwards come out identical.
 */
describe.each(propertyDatabases())('order independence on $name', (database) => {
  let db: SqlClient;

  beforeAll(async () => {
    db = await database.open();
  });

  afterAll(async () => {
    await db?.close();
  });

  it(
    'gives identical results for any interleaving of independent programmes',
    async () => {
      const coverage = new Coverage();
      const programme = factsProgrammeArbitrary(settings.maxSteps);
      await assertProperty(
        'order independence',
        fc.asyncProperty(
          programme,
          programme,
          picksArbitrary(),
          picksArbitrary(),
          async (programmeX, programmeY, picksA, picksB) => {
            const x = deliveriesOf('x', programmeX);
            const y = deliveriesOf('y', programmeY);
            const one = await outcomeOf(db, interleave(x, y, picksA), coverage);
            const two = await outcomeOf(db, interleave(x, y, picksB), coverage);
            for (const { action } of [...x, ...y])
              expect([action, two.answers.get(action)]).toEqual([action, one.answers.get(action)]);
            expect(two.balances).toEqual(one.balances);
            expect(two.rows).toEqual(one.rows);
            expect(two.run).toEqual(one.run);
          },
        ),
        settings,
      );
      process.stdout.write(
        `[properties] ${database.name} seed ${settings.seed}: ${coverage.summary()}\n`,
      );
      // The orders must have had money to disagree about.
      expectReached(settings, coverage, [
        'event:CommissionEarned',
        'event:CommissionReversed',
        'event:CommissionClawedBack',
        'event:CommissionReassigned',
        'event:PayoutIssued',
      ]);
    },
    timeLimitMs(settings),
  );
});
