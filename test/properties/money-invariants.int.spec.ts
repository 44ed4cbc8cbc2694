import fc from 'fast-check';
import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import { programmeArbitrary } from './support/programme.arbitrary';
import { Coverage, runProgramme } from './support/programme-runner';
import { PropertyLedger, propertyDatabases } from './support/property-ledger';
import {
  assertProperty,
  expectReached,
  propertySettings,
  timeLimitMs,
} from './support/property-settings';
import { checkRebuildMatches } from './support/read-model-rebuild';

const settings = propertySettings({ numRuns: 25, maxSteps: 20 });

/**
 * Random programmes — partners, touchpoints, registrations, opportunities, payments, refunds,
 * churns, disputes, pricing violations, payout runs and closed payouts — through the real
 * application layer and every projection. After every step: the journal sums to zero per currency,
 * each balance equals the fold of the log, nothing is paid twice, nothing is taken back beyond what
 * was earned; after each programme, a rebuild from the log equals the live read models.
 * `npm run test:properties:full` runs many more and longer programmes.
 */
describe.each(propertyDatabases())('money invariants on $name', (database) => {
  let db: SqlClient;

  beforeAll(async () => {
    db = await database.open();
  });

  afterAll(async () => {
    await db?.close();
  });

  it(
    'hold after every step of any programme',
    async () => {
      const coverage = new Coverage();
      await assertProperty(
        'money invariants',
        fc.asyncProperty(programmeArbitrary(settings.maxSteps), async (programme) => {
          const ledger = await PropertyLedger.open(db);
          try {
            const last = programme.steps.length - 1;
            const fold = await runProgramme(ledger, programme, coverage, async (index) => {
              // A rebuild costs more than every other check: mid-programme only when asked for.
              const every = settings.rebuildEvery;
              if (every > 0 && (index + 1) % every === 0 && index < last)
                await checkRebuildMatches(ledger);
            });
            await checkRebuildMatches(ledger);
            coverage.addEvents(fold);
          } finally {
            await ledger.destroy();
          }
        }),
        settings,
      );
      process.stdout.write(
        `[properties] ${database.name} seed ${settings.seed}: ${coverage.summary()}\n`,
      );
      expectReached(settings, coverage, [
        'event:CommissionEarned',
        'event:CommissionReversed',
        'event:CommissionClawedBack',
        'event:CommissionReassigned',
        'event:PayoutIssued',
        'event:PayoutMarkedPaid',
        'event:PayoutFailed',
        'RecordRefund:refund.exceeds_payment',
      ]);
    },
    timeLimitMs(settings),
  );
});
