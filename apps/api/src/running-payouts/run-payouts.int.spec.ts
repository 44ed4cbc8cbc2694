import { readYourWritesTarget } from '@ledger/core';
import Decimal from 'decimal.js';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '@ledger/event-store/errors';
import type { Checkpoint, EventStore } from '@ledger/event-store/port';
import { commissionsProjection } from '@ledger/projections/commissions/commissions.projection';
import { payoutsProjection } from '@ledger/projections/payouts';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import {
  earned,
  partnerEvent,
  reversed,
  type StoryEvent,
} from '@ledger/projections/runner/testing/money-events';
import {
  testDatabases,
  type TestLedgerDb,
} from '@ledger/projections/runner/testing/test-databases';
import { waitForProjections } from '@ledger/projections/runner/wait-for-projections';
import { ClosePayoutService } from '../closing-payouts/close-payout.service';
import type { PayoutReadModels } from '../payouts/payout-read-models';
import { RunPayoutsService } from './run-payouts.service';

function enrolled(partnerId: string, tier = 'integration'): StoryEvent {
  return {
    streamId: `partner-${partnerId}`,
    event: {
      eventId: crypto.randomUUID(),
      type: 'PartnerEnrolled',
      occurredAt: '2026-01-01T00:00:00.000Z',
      data: { partnerId, name: partnerId, tier, enrolledAt: '2026-01-01T00:00:00.000Z' },
    },
  };
}

/**
 * The store, except that appends to `streamId` wait until two readers have read it: both racing runs
 * then decide on the same revision, and one of them must lose the append. Counts the conflicts.
 */
function interleaved(
  store: EventStore,
  streamId: string,
): { store: EventStore; conflicts: () => number } {
  let reads = 0;
  let conflicts = 0;
  let bothRead: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (bothRead = resolve));
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === 'readStream') {
        return async (id: string, options?: object) => {
          const events = await target.readStream(id, options);
          if (id === streamId && ++reads === 2) bothRead();
          return events;
        };
      }
      if (property === 'append') {
        return async (...args: Parameters<EventStore['append']>) => {
          if (args[0] === streamId)
            await Promise.race([gate, new Promise((resolve) => setTimeout(resolve, 5_000))]);
          try {
            return await target.append(...args);
          } catch (error) {
            if (error instanceof WrongExpectedRevisionError) conflicts++;
            throw error;
          }
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { store: proxy, conflicts: () => conflicts };
}

const APRIL = { asOf: '2026-04-01T00:00:00.000Z', minimumPayout: '50.00' };
type Payout = { payoutId: string; partnerId: string; currency: string; amount: string };

function readModelsOf(ledger: TestLedgerDb): PayoutReadModels {
  const db = ledger.store.raw();
  const schema = ledger.readSchema;
  return {
    db,
    schema,
    caughtUpTo: (target) =>
      waitForProjections({
        db,
        schema,
        names: ['commissions', 'payouts'],
        target,
        timeoutMs: 10_000,
      }),
  };
}

/** The run service against a real store, with a projection runner keeping its read models. */
describe.each(testDatabases())('payout runs on $name', (database) => {
  let ledger: TestLedgerDb;
  let runner: ProjectionRunner;
  let payouts: RunPayoutsService;
  let closing: ClosePayoutService;
  let applied: (target: Checkpoint) => Promise<void>;

  beforeEach(async () => {
    ledger = await database.create();
    const db = ledger.store.raw();
    const schema = ledger.readSchema;
    runner = new ProjectionRunner({
      store: ledger.store,
      db,
      schema,
      projections: [commissionsProjection, payoutsProjection],
      idleMs: 5,
    });
    runner.start();
    const readModels = readModelsOf(ledger);
    // A write becomes visible in the global log once every older transaction has ended (in the whole
    // database); a run pays what the log shows when it starts, so each spec waits for its own writes.
    applied = async (target) => expect(await readModels.caughtUpTo(target)).toBe(true);
    payouts = new RunPayoutsService(ledger.store, readModels);
    closing = new ClosePayoutService(ledger.store);
    const written = await ledger.append(
      enrolled('p1'),
      enrolled('p2'),
      enrolled('p3'),
      earned({ paymentId: 'pay-1', partnerId: 'p1', amount: '200.00' }),
      reversed({ commissionId: 'pay-1:p1', partnerId: 'p1', amount: '50.00' }),
      earned({ paymentId: 'pay-2', partnerId: 'p2', amount: '49.99' }),
      earned({ paymentId: 'pay-3', partnerId: 'p3', amount: '500.00' }),
      partnerEvent('CommissionsHeld', 'p3', '2026-03-15T00:00:00.000Z'),
      earned({
        paymentId: 'pay-4',
        partnerId: 'p1',
        amount: '80.00',
        payableFrom: '2026-05-01T00:00:00.000Z',
      }),
    );
    await applied(written);
  });

  afterEach(async () => {
    await runner.stop();
    await ledger.destroy();
  });

  async function payoutEvents(): Promise<{ payoutId: string; lines: { itemId: string }[] }[]> {
    // On a shared PostgreSQL a committed event shows in the log once older transactions end: wait for it.
    const committed = await readYourWritesTarget(ledger.store);
    for (let i = 0; i < 300; i++) {
      const head = await ledger.store.headCheckpoint();
      if (head.transactionId > committed.transactionId || (head.transactionId === committed.transactionId && head.globalPosition >= committed.globalPosition)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const page = await ledger.store.readAll({ limit: 10_000 });
    return page.events.filter((e) => e.type === 'PayoutIssued').map((e) => e.data as never);
  }

  it('pays payable net amounts at or above the minimum, carries the rest, skips the held partner', async () => {
    const answer = await payouts.run({ runId: 'run-apr', ...APRIL });
    expect(answer).toMatchObject({
      status: 'completed',
      runId: 'run-apr',
      payouts: [{ payoutId: 'run-apr:p1:USD', partnerId: 'p1', currency: 'USD', amount: '150.00' }],
      carriedForward: [{ partnerId: 'p2', currency: 'USD', amount: '49.99' }],
      skipped: [{ partnerId: 'p3', reason: 'payout.partner_held' }],
    });
    const [issued] = await payoutEvents();
    expect(issued!.lines.map((l) => l.itemId)).toEqual(['pay-1:p1', expect.any(String)]);
  });

  it('answers a re-run of the same run id the same, appending nothing; other terms are a conflict', async () => {
    const first = await payouts.run({ runId: 'run-apr', ...APRIL });
    const head = JSON.stringify(await readYourWritesTarget(ledger.store), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    const again = await payouts.run({ runId: 'run-apr', ...APRIL });
    expect(again).toEqual(first);
    expect(JSON.stringify(await readYourWritesTarget(ledger.store), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).toEqual(head);
    await expect(
      payouts.run({ runId: 'run-apr', ...APRIL, minimumPayout: '10.00' }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
  });

  it('pays nothing twice when two runs race', async () => {
    const [a, b] = await Promise.all([
      payouts.run({ runId: 'run-a', ...APRIL }),
      payouts.run({ runId: 'run-b', ...APRIL }),
    ]);
    const paid = [...(a.payouts as Payout[]), ...(b.payouts as Payout[])];
    expect(paid.map((p) => [p.partnerId, p.amount])).toEqual([['p1', '150.00']]);
    const itemIds = (await payoutEvents()).flatMap((e) => e.lines.map((l) => l.itemId));
    expect(new Set(itemIds).size).toBe(itemIds.length);
    expect(itemIds).toHaveLength(2);
  });

  it('pays nothing twice when both runs decide on the same revision of the partner stream', async () => {
    const raced = interleaved(ledger.store, 'payouts-p1');
    const racing = new RunPayoutsService(raced.store, readModelsOf(ledger));
    const [a, b] = await Promise.all([
      racing.run({ runId: 'run-a', ...APRIL }),
      racing.run({ runId: 'run-b', ...APRIL }),
    ]);
    expect(raced.conflicts()).toBeGreaterThanOrEqual(1);
    expect(
      [...(a.payouts as Payout[]), ...(b.payouts as Payout[])].map((p) => p.payoutId),
    ).toHaveLength(1);
    const itemIds = (await payoutEvents()).flatMap((e) => e.lines.map((l) => l.itemId));
    expect(itemIds).toHaveLength(2);
  });

  it("pays a failed payout's items in the next run, with what became payable since", async () => {
    await payouts.run({ runId: 'run-apr', ...APRIL });
    await expect(
      closing.close(
        'MarkPayoutFailed',
        'run-apr:p1:USD',
        { occurredAt: '2026-04-03T00:00:00.000Z' },
        {},
      ),
    ).resolves.toMatchObject({ status: 'failed' });
    await expect(
      closing.close(
        'MarkPayoutPaid',
        'run-apr:p1:USD',
        { occurredAt: '2026-04-04T00:00:00.000Z' },
        {},
      ),
    ).rejects.toMatchObject({
      refusal: { code: 'payout.already_closed' },
    });
    await applied(
      await ledger.append(earned({ paymentId: 'pay-5', partnerId: 'p2', amount: '0.01' })),
    );
    const [failure] = (await ledger.store.readStream('payouts-p1')).slice(-1);
    await applied({
      transactionId: failure!.transactionId,
      globalPosition: failure!.globalPosition,
    });

    const may = await payouts.run({
      runId: 'run-may',
      asOf: '2026-05-01T00:00:00.000Z',
      minimumPayout: '50.00',
    });
    expect((may.payouts as Payout[]).map((p) => [p.payoutId, p.amount])).toEqual([
      ['run-may:p1:USD', '230.00'],
      ['run-may:p2:USD', '50.00'],
    ]);
    const issued = (await payoutEvents()).find((e) => e.payoutId === 'run-may:p2:USD') as never as {
      lines: { kind: string; amount: string }[];
      amount: string;
    };
    expect(issued.lines.map((l) => l.kind)).toEqual(['carried', 'commission']);
    expect(
      issued.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)).equals(issued.amount),
    ).toBe(true);
  });
});
