import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import type { EventStore } from '@ledger/event-store/port';
import type { PayoutRunCompleted } from '@ledger/domain/payouts';
import { compareCheckpoints } from '@ledger/projections/runner/checkpoint';
import { waitForProjections } from '@ledger/projections/runner/wait-for-projections';
import type { PayoutReadModels } from '../../apps/api/src/payouts/payout-read-models';
import { RunPayoutsService } from '../../apps/api/src/running-payouts/run-payouts.service';
import { PropertyLedger, propertyDatabases } from '../properties/support/property-ledger';

const PARTNERS = ['p0', 'p1', 'p2'];
const TERMS = { runId: 'r1', asOf: '2026-04-01T00:00:00.000Z', minimumPayout: '50.00' };

/** The store of a process that dies at its `lethal`-th append: that append and every call after it fail. */
function dyingAt(store: EventStore, lethal: number): EventStore {
  let appends = 0;
  let dead = false;
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === 'append' && ++appends >= lethal) dead = true;
        if (dead) return Promise.reject(new Error('power cut'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Waits until the log shows what the dead process wrote to `streamIds` (SPEC §2's xmin rule). */
async function untilVisible(store: EventStore, streamIds: string[]): Promise<void> {
  for (const streamId of streamIds) {
    const [last] = (await store.readStream(streamId)).slice(-1);
    while (last && compareCheckpoints(await store.headCheckpoint(), last) < 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * A payout run cut short by a crash is completed by running it again (SPEC §4, docs/decisions.md
 * "Payouts"): the shares issued before the crash are not issued twice, and the run's answer and
 * record name them all — also those whose items the first attempt had already settled.
 */
describe.each(propertyDatabases())('a payout run resumed after a crash on $name', (database) => {
  let db: SqlClient;
  let ledger: PropertyLedger;

  beforeAll(async () => {
    db = await database.open();
  });

  afterAll(async () => {
    await db?.close();
  });

  beforeEach(async () => {
    ledger = await PropertyLedger.open(db);
    for (const partnerId of PARTNERS) {
      const account = `acc_${partnerId}`;
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
            accountId: account,
            kind: 'coupon',
            occurredAt: '2026-01-05T00:00:00.000Z',
          },
        },
        {
          type: 'RecordPayment',
          data: {
            paymentId: `pay_${partnerId}`,
            accountId: account,
            amount: '1000.00',
            currency: 'USD',
            revenueModel: 'monthly_subscription',
            occurredAt: '2026-02-01T00:00:00.000Z',
          },
        },
      ] as const)
        expect((await ledger.execute(request)).kind).toBe('accepted');
    }
    await ledger.settle();
  });

  afterEach(async () => {
    await ledger.destroy();
  });

  function service(store: EventStore): RunPayoutsService {
    const readModels: PayoutReadModels = {
      db,
      schema: ledger.readSchema,
      caughtUpTo: async (target) => {
        await ledger.settle();
        return waitForProjections({
          db,
          schema: ledger.readSchema,
          names: ['commissions', 'payouts'],
          target,
          timeoutMs: 10_000,
        });
      },
    };
    return new RunPayoutsService(store, readModels);
  }

  // Appends: one per partner's share, then the run's record.
  it.each([
    ['after the first share', 2],
    ['after every share, before the run is recorded', PARTNERS.length + 1],
  ])('names every payout when the crash came %s', async (_when, lethal) => {
    await expect(service(dyingAt(ledger.store, lethal)).run(TERMS)).rejects.toThrow('power cut');
    await untilVisible(
      ledger.store,
      PARTNERS.map((p) => `payouts-${p}`),
    );
    await ledger.settle();

    const answer = await service(ledger.store).run(TERMS);
    const expected = PARTNERS.map((p) => `${TERMS.runId}:${p}:USD=200.00`);
    const answered = (answer.payouts as { payoutId: string; amount: string }[]).map(
      (p) => `${p.payoutId}=${p.amount}`,
    );
    expect(answered.sort()).toEqual(expected);

    for (const partnerId of PARTNERS) {
      const issued = (await ledger.store.readStream(`payouts-${partnerId}`)).filter(
        (e) => e.type === 'PayoutIssued',
      );
      expect([partnerId, issued.length]).toEqual([partnerId, 1]);
    }
    const [record] = await ledger.store.readStream(`payout-run-${TERMS.runId}`);
    const recorded = (record!.data as unknown as PayoutRunCompleted['data']).payouts.map(
      (p) => `${p.payoutId}=${p.amount}`,
    );
    expect(recorded.sort()).toEqual(expected);
    expect(JSON.stringify(await service(ledger.store).run(TERMS))).toBe(JSON.stringify(answer));
  });
});
