import type {
  PayoutFailed,
  PayoutIssued,
  PayoutMarkedPaid,
  PayoutRunCompleted,
} from '@ledger/domain/messages/payout-events';
import type { ProjectedEvent, RowOp } from '../projection';
import {
  PAYOUTS,
  PAYOUT_CARRIED_ITEMS,
  PAYOUT_LINES,
  PAYOUT_RUNS,
  PAYOUT_SETTLEMENTS,
} from './payouts.schema';

export const PAYOUT_EVENT_TYPES: readonly string[] = [
  'PayoutIssued',
  'PayoutMarkedPaid',
  'PayoutFailed',
  'PayoutRunCompleted',
];

/** One merge rule set for every upsert of a payout row: the close overrides the issue, never the reverse. */
const PAYOUT_MERGE = {
  status: 'replace',
  closed_at: 'replace',
  closed_recorded_at: 'replace',
  reference: 'replace',
} as const;
const SETTLEMENT_MERGE = { payout_id: 'replace', settled: 'replace' } as const;

/**
 * The row operations of one payout event. Keys come from the event (payout id, item id, run id) and
 * status columns merge by position, so applying an event twice, or an old one after a newer, changes
 * nothing.
 */
export function evolvePayoutRows(event: ProjectedEvent): RowOp[] {
  switch (event.type) {
    case 'PayoutIssued':
      return issued(event, event.data as unknown as PayoutIssued['data']);
    case 'PayoutMarkedPaid':
      return [closed(event, event.data as unknown as PayoutMarkedPaid['data'], 'paid')];
    case 'PayoutFailed': {
      const d = event.data as unknown as PayoutFailed['data'];
      return [
        closed(event, d, 'failed'),
        ...d.releasedItemIds.map((itemId) =>
          settlement(event, d.partnerId, itemId, d.payoutId, false),
        ),
      ];
    }
    case 'PayoutRunCompleted':
      return runCompleted(event, event.data as unknown as PayoutRunCompleted['data']);
    default:
      return [];
  }
}

function issued(event: ProjectedEvent, d: PayoutIssued['data']): RowOp[] {
  const position = event.globalPosition.toString();
  const payout: RowOp = {
    kind: 'upsert',
    table: PAYOUTS,
    key: ['payout_id'],
    row: {
      payout_id: d.payoutId,
      run_id: d.runId,
      partner_id: d.partnerId,
      currency: d.currency,
      amount: d.amount,
      as_of: d.asOf,
      minimum_payout: d.minimumPayout,
      status: 'issued',
      line_count: d.lines.length,
      issued_event_id: event.eventId,
      issued_recorded_at: event.recordedAt,
      position,
    },
    merge: PAYOUT_MERGE,
  };
  const lines: RowOp[] = d.lines.map((line, index) => ({
    kind: 'insert',
    table: PAYOUT_LINES,
    key: ['payout_id', 'line_no'],
    row: {
      payout_id: d.payoutId,
      line_no: index + 1,
      run_id: d.runId,
      partner_id: d.partnerId,
      currency: d.currency,
      kind: line.kind,
      item_kind: line.itemKind,
      item_id: line.itemId,
      amount: line.amount,
      account_id: line.accountId,
      commission_id: line.commissionId,
      payment_id: line.paymentId,
      rule: line.rule,
      plan_version: line.planVersion ?? null,
      carried_from_run_id: line.carriedFromRunId ?? null,
      source_event_ids: line.sourceEventIds,
    },
  }));
  return [
    payout,
    ...lines,
    ...d.lines.map((line) => settlement(event, d.partnerId, line.itemId, d.payoutId, true)),
  ];
}

function closed(
  event: ProjectedEvent,
  d: { payoutId: string; reference?: string },
  status: 'paid' | 'failed',
): RowOp {
  return {
    kind: 'upsert',
    table: PAYOUTS,
    key: ['payout_id'],
    row: {
      payout_id: d.payoutId,
      status,
      closed_at: event.occurredAt,
      closed_recorded_at: event.recordedAt,
      reference: d.reference ?? null,
      position: event.globalPosition.toString(),
    },
    merge: PAYOUT_MERGE,
  };
}

function settlement(
  event: ProjectedEvent,
  partnerId: string,
  itemId: string,
  payoutId: string,
  settled: boolean,
): RowOp {
  return {
    kind: 'upsert',
    table: PAYOUT_SETTLEMENTS,
    key: ['partner_id', 'item_id'],
    row: {
      partner_id: partnerId,
      item_id: itemId,
      payout_id: payoutId,
      settled,
      position: event.globalPosition.toString(),
    },
    merge: SETTLEMENT_MERGE,
  };
}

function runCompleted(event: ProjectedEvent, d: PayoutRunCompleted['data']): RowOp[] {
  const run: RowOp = {
    kind: 'insert',
    table: PAYOUT_RUNS,
    key: ['run_id'],
    row: {
      run_id: d.runId,
      as_of: d.asOf,
      minimum_payout: d.minimumPayout,
      payout_count: d.payouts.length,
      carried_count: d.carriedForward.length,
      skipped_count: d.skipped.length,
      recorded_at: event.recordedAt,
      position: event.globalPosition.toString(),
    },
  };
  const carried: RowOp[] = d.carriedForward.flatMap((balance) =>
    balance.itemIds.map((itemId) => ({
      kind: 'insert' as const,
      table: PAYOUT_CARRIED_ITEMS,
      key: ['partner_id', 'item_id'],
      row: { partner_id: balance.partnerId, item_id: itemId, run_id: d.runId, as_of: d.asOf },
    })),
  );
  return [run, ...carried];
}
