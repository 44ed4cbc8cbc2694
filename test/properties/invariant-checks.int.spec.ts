import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import { readWholeLog } from './support/ledger-fold';
import { checkInvariants } from './support/programme-runner';
import { PropertyLedger, propertyDatabases } from './support/property-ledger';
import { checkRebuildMatches } from './support/read-model-rebuild';

const PARTNERS = ['p0', 'p1'];

/**
 * The property specs pass only if their checks can fail: on a small ledger that satisfies every
 * invariant, a read-model row changed behind the projections and an item paid a second time are
 * each caught, by the check that claims to catch them.
 */
describe.each(propertyDatabases())('the invariant checks on $name', (database) => {
  let db: SqlClient;
  let ledger: PropertyLedger;

  beforeAll(async () => {
    db = await database.open();
    ledger = await PropertyLedger.open(db);
    for (const partnerId of PARTNERS) {
      const accountId = `acc_${partnerId}`;
      const paymentId = `pay_${partnerId}`;
      for (const request of [
        {
          type: 'EnrollPartner',
          data: {
            partnerId,
            name: partnerId,
            tier: 'integration',
            enrolledAt: '2026-01-01T00:00:00.000Z',
          },
        },
        {
          type: 'RecordTouchpoint',
          data: {
            touchpointId: `tp_${partnerId}`,
            partnerId,
            accountId,
            kind: 'coupon',
            occurredAt: '2026-01-05T00:00:00.000Z',
          },
        },
        {
          type: 'RecordPayment',
          data: {
            paymentId,
            accountId,
            amount: '1000.00',
            currency: 'USD',
            revenueModel: 'monthly_subscription',
            occurredAt: '2026-02-01T00:00:00.000Z',
          },
        },
        {
          type: 'RecordRefund',
          data: {
            refundId: `ref_${partnerId}`,
            paymentId,
            amount: '100.00',
            occurredAt: '2026-02-05T00:00:00.000Z',
          },
        },
      ] as const)
        expect((await ledger.execute(request)).kind).toBe('accepted');
    }
    const run = { runId: 'run1', asOf: '2026-04-01T00:00:00.000Z', minimumPayout: '50.00' };
    expect((await ledger.runPayouts(run)).kind).toBe('accepted');
  });

  afterAll(async () => {
    await ledger?.destroy();
    await db?.close();
  });

  it('pass on the intact ledger', async () => {
    await checkInvariants(ledger, PARTNERS);
    await checkRebuildMatches(ledger);
  });

  it('catch a read-model row changed behind the projections', async () => {
    const adjustments = `"${ledger.readSchema}".commission_adjustments`;
    await db.query(`UPDATE ${adjustments} SET amount = amount + 0.01`);
    try {
      await expect(checkInvariants(ledger, PARTNERS)).rejects.toThrow(
        /reversed .* the log folds to/,
      );
      await expect(checkRebuildMatches(ledger)).rejects.toThrow(
        /differs from the live read models/,
      );
    } finally {
      await db.query(`UPDATE ${adjustments} SET amount = amount - 0.01`);
    }
    await checkInvariants(ledger, PARTNERS);
  });

  it('catch an item paid a second time', async () => {
    const [issued] = (await readWholeLog(ledger.store)).filter((e) => e.type === 'PayoutIssued');
    const again = {
      ...issued!.data,
      payoutId: `run2:${String(issued!.data.partnerId)}:USD`,
      runId: 'run2',
    };
    const { checkpoint } = await ledger.store.append(
      issued!.streamId,
      [{ type: 'PayoutIssued', occurredAt: issued!.occurredAt, data: again }],
      { expected: 'any' },
    );
    ledger.noteWrite(checkpoint!);
    await expect(checkInvariants(ledger, PARTNERS)).rejects.toThrow(/paid by .* and again by run2/);
  });
});
