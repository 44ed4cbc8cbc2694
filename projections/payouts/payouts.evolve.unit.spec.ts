import type {
  PayoutFailed,
  PayoutIssued,
  PayoutMarkedPaid,
  PayoutRunCompleted,
} from '@ledger/domain/messages/payout-events';
import type { ProjectedEvent } from '../projection';
import { rowsAfter } from '../account-timeline/testing/in-memory-rows';
import { payoutsProjection } from './payouts.projection';

function projected(
  event: { type: string; eventId: string; occurredAt: string; data: object },
  position: number,
): ProjectedEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    streamId: 'payouts-p1',
    streamRevision: position,
    globalPosition: BigInt(position),
    transactionId: BigInt(100 + position),
    occurredAt: event.occurredAt,
    recordedAt: `2026-04-0${Math.min(position, 9)}T12:00:00.000Z`,
    data: event.data as ProjectedEvent['data'],
    metadata: {},
  };
}

const line = (itemId: string, amount: string) => ({
  kind: 'commission' as const,
  itemKind: 'commission' as const,
  itemId,
  amount,
  accountId: 'acc-1',
  commissionId: itemId,
  paymentId: itemId.split(':')[0]!,
  rule: 'commission.lifetime',
  planVersion: 1,
  sourceEventIds: [`earned-${itemId}`],
});

function issued(
  runId: string,
  lines = [line('pay-1:p1', '70.00'), line('pay-2:p1', '30.00')],
): PayoutIssued {
  return {
    type: 'PayoutIssued',
    eventId: `issued-${runId}`,
    occurredAt: '2026-04-01T00:00:00.000Z',
    data: {
      payoutId: `${runId}:p1:USD`,
      runId,
      partnerId: 'p1',
      currency: 'USD',
      amount: '100.00',
      asOf: '2026-04-01T00:00:00.000Z',
      minimumPayout: '50.00',
      lines,
    },
  };
}
const common = { runId: 'run-1', partnerId: 'p1', currency: 'USD', amount: '100.00' };
const paid: PayoutMarkedPaid = {
  type: 'PayoutMarkedPaid',
  eventId: 'paid',
  occurredAt: '2026-04-03T09:00:00.000Z',
  data: { payoutId: 'run-1:p1:USD', ...common, reference: 'wire-1' },
};
const failed: PayoutFailed = {
  type: 'PayoutFailed',
  eventId: 'failed',
  occurredAt: '2026-04-03T09:00:00.000Z',
  data: { payoutId: 'run-1:p1:USD', ...common, releasedItemIds: ['pay-1:p1', 'pay-2:p1'] },
};

describe('payouts projection', () => {
  it('keeps one row per payout with its lines, and marks its items settled', () => {
    const rows = rowsAfter(payoutsProjection, [projected(issued('run-1'), 1), projected(paid, 2)]);
    expect(rows.payouts).toEqual([
      expect.objectContaining({
        payout_id: 'run-1:p1:USD',
        partner_id: 'p1',
        currency: 'USD',
        amount: '100.00',
        status: 'paid',
        as_of: '2026-04-01T00:00:00.000Z',
        issued_recorded_at: '2026-04-01T12:00:00.000Z',
        closed_at: '2026-04-03T09:00:00.000Z',
        reference: 'wire-1',
        line_count: 2,
      }),
    ]);
    expect(rows.payout_lines!.map((r) => [r.line_no, r.item_id, r.amount])).toEqual([
      [1, 'pay-1:p1', '70.00'],
      [2, 'pay-2:p1', '30.00'],
    ]);
    expect(rows.payout_settlements!.map((r) => [r.item_id, r.settled])).toEqual([
      ['pay-1:p1', true],
      ['pay-2:p1', true],
    ]);
  });

  it('unsettles the items of a failed payout, and settles them again under the next payout', () => {
    const afterFailure = rowsAfter(payoutsProjection, [
      projected(issued('run-1'), 1),
      projected(failed, 2),
    ]);
    expect(afterFailure.payouts![0]).toMatchObject({ status: 'failed' });
    expect(afterFailure.payout_settlements!.map((r) => r.settled)).toEqual([false, false]);

    const repaid = rowsAfter(payoutsProjection, [
      projected(issued('run-1'), 1),
      projected(failed, 2),
      projected(issued('run-2'), 3),
    ]);
    expect(repaid.payout_settlements!.map((r) => [r.payout_id, r.settled])).toEqual([
      ['run-2:p1:USD', true],
      ['run-2:p1:USD', true],
    ]);
  });

  it('lets no replayed issue undo a close: the newer position wins whatever the order applied', () => {
    const rows = rowsAfter(payoutsProjection, [
      projected(failed, 2),
      projected(issued('run-1'), 1),
    ]);
    expect(rows.payouts![0]).toMatchObject({ status: 'failed', amount: '100.00' });
    expect(rows.payout_settlements!.map((r) => r.settled)).toEqual([false, false]);
  });

  it('records completed runs and the items they carried forward, first run first', () => {
    const run = (runId: string): PayoutRunCompleted => ({
      type: 'PayoutRunCompleted',
      eventId: `run-${runId}`,
      occurredAt: '2026-03-01T00:00:00.000Z',
      data: {
        runId,
        asOf: '2026-03-01T00:00:00.000Z',
        minimumPayout: '50.00',
        payouts: [],
        carriedForward: [
          { partnerId: 'p1', currency: 'USD', amount: '20.00', itemIds: ['pay-1:p1'] },
        ],
        skipped: [{ partnerId: 'p9', reason: 'payout.partner_held' }],
      },
    });
    const rows = rowsAfter(payoutsProjection, [
      projected(run('run-m3'), 1),
      projected(run('run-m3b'), 2),
    ]);
    expect(rows.payout_runs!.map((r) => [r.run_id, r.carried_count, r.skipped_count])).toEqual([
      ['run-m3', 1, 1],
      ['run-m3b', 1, 1],
    ]);
    expect(rows.payout_carried_items).toEqual([
      {
        partner_id: 'p1',
        item_id: 'pay-1:p1',
        run_id: 'run-m3',
        as_of: '2026-03-01T00:00:00.000Z',
      },
    ]);
  });
});
