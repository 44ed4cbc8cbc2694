import type {
  CommissionClawedBack,
  CommissionEarned,
  CommissionReassigned,
  CommissionReversed,
} from '@ledger/domain/messages/events';
import type { ProjectedEvent, Row, RowOp } from '../projection';
import { dataOf } from '../runner/event-data';
import { COMMISSION_ADJUSTMENTS, COMMISSION_LINES } from './commissions.schema';

export const COMMISSION_EVENT_TYPES = [
  'CommissionEarned',
  'CommissionReversed',
  'CommissionClawedBack',
  'CommissionReassigned',
] as const;

/**
 * Pure: the rows one commission event implies. Every row is keyed by an id the event carries and
 * written with `insert`, so a replayed event finds its row already there and changes nothing.
 */
export function evolveCommissions(event: ProjectedEvent): RowOp[] {
  switch (event.type) {
    case 'CommissionEarned':
      return [earnedLine(event, dataOf(event, 'CommissionEarned'))];
    case 'CommissionReversed':
      return [reversal(event, dataOf(event, 'CommissionReversed'))];
    case 'CommissionClawedBack':
      return [clawback(event, dataOf(event, 'CommissionClawedBack'))];
    case 'CommissionReassigned':
      return reassignment(event, dataOf(event, 'CommissionReassigned'));
    default:
      return [];
  }
}

function times(event: ProjectedEvent): Row {
  return {
    occurred_at: event.occurredAt,
    recorded_at: event.recordedAt,
    position: event.globalPosition.toString(),
  };
}

function line(row: Row): RowOp {
  return { kind: 'insert', table: COMMISSION_LINES, key: ['commission_id'], row };
}

function adjustment(row: Row): RowOp {
  return { kind: 'insert', table: COMMISSION_ADJUSTMENTS, key: ['event_id'], row };
}

function earnedLine(event: ProjectedEvent, data: CommissionEarned['data']): RowOp {
  return line({
    commission_id: data.commissionId,
    origin: 'earned',
    partner_id: data.partnerId,
    account_id: data.accountId,
    payment_id: data.paymentId,
    credit: data.credit,
    tier: data.tier,
    revenue_model: data.revenueModel,
    basis: data.basis,
    rate: data.rate,
    amount: data.amount,
    currency: data.currency,
    rule: data.rule,
    plan_id: data.planId,
    plan_version: data.planVersion ?? null,
    payable_from: data.payableFrom,
    held_when_earned: data.held,
    source_commission_id: null,
    dispute_id: null,
    evidence: data.evidence,
    event_id: event.eventId,
    ...times(event),
  });
}

function reversal(event: ProjectedEvent, data: CommissionReversed['data']): RowOp {
  return adjustment({
    event_id: event.eventId,
    kind: 'reversal',
    ...commissionOf(data),
    cause_kind: 'refund',
    cause_id: data.refundId,
    days_retained: null,
    to_partner_id: null,
    new_commission_id: null,
    rule: data.rule,
    plan_version: data.planVersion ?? null,
    evidence: data.evidence,
    ...times(event),
  });
}

function clawback(event: ProjectedEvent, data: CommissionClawedBack['data']): RowOp {
  return adjustment({
    event_id: event.eventId,
    kind: 'clawback',
    ...commissionOf(data),
    cause_kind: 'churn',
    cause_id: data.churnId,
    days_retained: data.daysRetained,
    to_partner_id: null,
    new_commission_id: null,
    rule: data.rule,
    plan_version: data.planVersion ?? null,
    evidence: data.evidence,
    ...times(event),
  });
}

/** The loser's outstanding amount leaves its commission, and arrives as a new commission of the winner. */
function reassignment(event: ProjectedEvent, data: CommissionReassigned['data']): RowOp[] {
  const away = adjustment({
    event_id: event.eventId,
    kind: 'reassignment',
    ...commissionOf({ ...data, partnerId: data.fromPartnerId }),
    cause_kind: 'dispute',
    cause_id: data.disputeId,
    days_retained: null,
    to_partner_id: data.toPartnerId,
    new_commission_id: data.newCommissionId,
    rule: data.rule,
    plan_version: data.planVersion ?? null,
    evidence: data.evidence,
    ...times(event),
  });
  const arrived = line({
    commission_id: data.newCommissionId,
    origin: 'reassigned',
    partner_id: data.toPartnerId,
    account_id: data.accountId,
    payment_id: data.paymentId,
    credit: null,
    tier: data.toTier ?? null,
    revenue_model: null,
    basis: null,
    rate: null,
    amount: data.amount,
    currency: data.currency,
    rule: data.rule,
    plan_id: null,
    plan_version: data.planVersion ?? null,
    payable_from: data.payableFrom,
    held_when_earned: null,
    source_commission_id: data.commissionId,
    dispute_id: data.disputeId,
    evidence: data.evidence,
    event_id: event.eventId,
    ...times(event),
  });
  return [away, arrived];
}

function commissionOf(data: {
  commissionId: string;
  partnerId: string;
  accountId: string;
  paymentId: string;
  amount: string;
  currency: string;
}): Row {
  return {
    commission_id: data.commissionId,
    partner_id: data.partnerId,
    account_id: data.accountId,
    payment_id: data.paymentId,
    amount: data.amount,
    currency: data.currency,
  };
}
