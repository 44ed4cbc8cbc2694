import type { LedgerEvent } from '@ledger/domain/messages/events';
import { projectedLog, type LogEntry } from './testing/projected-log';
import { readModelDatabases, type ReadModelDb } from './testing/read-model-db';
import {
  at,
  attribution,
  disputeOpened,
  disputeResolved,
  listed,
  payment,
  reassigned,
  touchpoint,
} from './testing/ledger-events';
import { accountTimelineProjection } from './account-timeline.projection';
import { readTimeline } from './account-timeline.query';

/** Account a1's history: an introduction, a payment, a dispute and everything it decided. */
function history(): (LedgerEvent | LogEntry)[] {
  return [
    touchpoint(at(1), { id: 't1', partnerId: 'p1', accountId: 'a1' }),
    attribution(at(1), {
      id: 'd1',
      accountId: 'a1',
      sourced: 'p1',
      rule: 'attribution.new_account',
      evidence: ['touch:t1'],
    }),
    touchpoint(at(1), { id: 'other', partnerId: 'p1', accountId: 'a2' }),
    listed(at(2), {
      partnerId: 'p9',
      submissionId: 's1',
      quarter: '2026-Q1',
      accountIds: ['a1', 'a2'],
    }),
    // Recorded well after it happened: asOf and knownAt tell these apart.
    {
      event: payment(at(3), { id: 'pay1', accountId: 'a1', amount: '100.00' }),
      recordedAt: at(30),
    },
    {
      event: disputeOpened(at(40), {
        id: 'x1',
        accountId: 'a1',
        claimant: 'p2',
        reason: 'p2 ran the first demo',
      }),
      recordedAt: at(40),
    },
    {
      event: disputeResolved(at(45), { id: 'x1', accountId: 'a1', winner: 'p2', losers: ['p1'] }),
      recordedAt: at(45),
    },
    {
      event: attribution(at(45), {
        id: 'd2',
        accountId: 'a1',
        sourced: 'p2',
        rule: 'attribution.dispute_resolution',
        evidence: ['resolved:x1'],
      }),
      recordedAt: at(45),
    },
    {
      event: reassigned(at(45), {
        disputeId: 'x1',
        accountId: 'a1',
        from: 'p1',
        to: 'p2',
        commissionId: 'c1',
        amount: '10.00',
      }),
      recordedAt: at(45),
    },
  ];
}

describe.each(readModelDatabases())('account timeline on $name', (database) => {
  let rm: ReadModelDb;

  beforeAll(async () => {
    rm = await database.open();
    await rm.project([accountTimelineProjection], projectedLog(history()));
  });

  afterAll(async () => {
    await rm.destroy();
    await database.shutdown();
  });

  it('lists every event of the account in commit order with position, times, data and the rule of derived events', async () => {
    const page = (await readTimeline(rm.db, rm.schema, { accountId: 'a1', limit: 100 }))!;

    expect(page.entries.map((e) => [e.type, e.position.globalPosition, e.rule])).toEqual([
      ['TouchpointRecorded', '1', null],
      ['AttributionDecided', '2', 'attribution.new_account'],
      ['ProtectedAccountsSubmitted', '4', null],
      ['PaymentRecorded', '5', null],
      ['DisputeOpened', '6', null],
      ['DisputeResolved', '7', null],
      ['AttributionDecided', '8', 'attribution.dispute_resolution'],
      ['CommissionReassigned', '9', 'commission.dispute_reassignment'],
    ]);
    expect(page.entries[3]).toMatchObject({
      eventId: 'pay:pay1',
      streamId: 'account-a1',
      streamRevision: 2,
      position: { transactionId: '5', globalPosition: '5' },
      occurredAt: at(3),
      recordedAt: at(30),
      data: { paymentId: 'pay1', amount: '100.00', currency: 'USD' },
    });
    expect(page.next).toBeNull();
  });

  it("shows the dispute's reason on the dispute and on every decision it caused", async () => {
    const page = (await readTimeline(rm.db, rm.schema, { accountId: 'a1', limit: 100 }))!;
    const dispute = { disputeId: 'x1', reason: 'p2 ran the first demo' };

    expect(page.entries.slice(4).map((e) => e.dispute)).toEqual([
      dispute,
      dispute,
      dispute,
      dispute,
    ]);
    expect(page.entries[1]!.dispute).toBeUndefined();
  });

  it('pages through the timeline with the position of the last entry', async () => {
    const first = (await readTimeline(rm.db, rm.schema, { accountId: 'a1', limit: 3 }))!;
    const second = (await readTimeline(rm.db, rm.schema, {
      accountId: 'a1',
      limit: 3,
      after: first.next!,
    }))!;

    expect(first.next).toEqual({ transactionId: 4n, globalPosition: 4n });
    expect(second.entries.map((e) => e.type)).toEqual([
      'PaymentRecorded',
      'DisputeOpened',
      'DisputeResolved',
    ]);
  });

  it('filters by business time (asOf) and by what the ledger knew (knownAt)', async () => {
    const asOf = (await readTimeline(rm.db, rm.schema, {
      accountId: 'a1',
      limit: 100,
      asOf: at(10),
    }))!;
    const knownAt = (await readTimeline(rm.db, rm.schema, {
      accountId: 'a1',
      limit: 100,
      knownAt: at(10),
    }))!;

    expect(asOf.entries.map((e) => e.type)).toEqual([
      'TouchpointRecorded',
      'AttributionDecided',
      'ProtectedAccountsSubmitted',
      'PaymentRecorded',
    ]);
    expect(knownAt.entries.map((e) => e.type)).toEqual([
      'TouchpointRecorded',
      'AttributionDecided',
      'ProtectedAccountsSubmitted',
    ]);
  });

  it('orders by commit position as numbers, whatever their digit count', async () => {
    const payments = Array.from({ length: 12 }, (_, i) =>
      payment(at(i), { id: `p${i}`, accountId: 'a3', amount: '1.00' }),
    );
    // Two payments per transaction: positions 1…12 in transactions 1…6.
    const log = projectedLog(payments).map((event, i) => ({
      ...event,
      transactionId: BigInt(Math.floor(i / 2) + 1),
    }));
    const other = await database.open();
    try {
      await other.project([accountTimelineProjection], log);
      const page = (await readTimeline(other.db, other.schema, { accountId: 'a3', limit: 100 }))!;

      expect(page.entries.map((e) => Number(e.position.globalPosition))).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
      ]);
    } finally {
      await other.destroy();
    }
  });

  it('tells an unknown account (null) from a known one with nothing in the filter', async () => {
    expect(await readTimeline(rm.db, rm.schema, { accountId: 'nope', limit: 10 })).toBeNull();
    expect(
      await readTimeline(rm.db, rm.schema, { accountId: 'a1', limit: 10, asOf: at(-1) }),
    ).toEqual({ entries: [], next: null });
  });
});
