import type { LedgerEventType } from '@ledger/domain/messages/events';
import type { ProjectedEvent, Row, RowOp } from '../projection';
import { PIPELINE_TABLES as T } from './pipeline-metrics.schema';

export const PIPELINE_EVENT_TYPES = [
  'PaymentRecorded',
  'PaymentRefunded',
  'AttributionDecided',
  'OpportunityOpened',
  'OpportunityWon',
  'OpportunityLost',
  'TouchpointRecorded',
  'DealRegistrationAccepted',
] as const satisfies readonly LedgerEventType[];

/**
 * Fact rows keyed by business ids (payment, refund, opportunity) or by the event, all insert-only
 * except the first involvement of an account, which merges with `least`: applying an event twice,
 * or events in any order, leaves the same rows.
 */
export function evolvePipeline(event: ProjectedEvent): RowOp[] {
  const d = event.data;
  switch (event.type) {
    case 'PaymentRecorded':
      return [
        insert(T.payments, ['payment_id'], {
          payment_id: text(d.paymentId),
          account_id: text(d.accountId),
          amount: text(d.amount),
          currency: text(d.currency),
          occurred_at: event.occurredAt,
        }),
      ];
    case 'PaymentRefunded':
      return [
        insert(T.refunds, ['refund_id'], {
          refund_id: text(d.refundId),
          payment_id: text(d.paymentId),
          amount: text(d.amount),
          occurred_at: event.occurredAt,
        }),
      ];
    case 'AttributionDecided':
      return [
        insert(T.attributions, ['account_id', 'event_id'], {
          account_id: text(d.accountId),
          event_id: event.eventId,
          transaction_id: event.transactionId.toString(),
          global_position: event.globalPosition.toString(),
          occurred_at: event.occurredAt,
          sourced_partner_id: typeof d.sourced === 'string' ? d.sourced : null,
          influenced_partner_ids: Array.isArray(d.influenced)
            ? d.influenced.filter((p): p is string => typeof p === 'string')
            : [],
        }),
      ];
    case 'OpportunityOpened':
      return [
        insert(T.opportunities, ['opportunity_id'], {
          opportunity_id: text(d.opportunityId),
          account_id: text(d.accountId),
          amount: text(d.amount),
          currency: text(d.currency),
          opened_at: event.occurredAt,
        }),
      ];
    case 'OpportunityWon':
    case 'OpportunityLost':
      return [
        insert(T.closes, ['opportunity_id'], {
          opportunity_id: text(d.opportunityId),
          outcome: event.type === 'OpportunityWon' ? 'won' : 'lost',
          closed_at: event.occurredAt,
        }),
      ];
    case 'TouchpointRecorded':
    case 'DealRegistrationAccepted':
      return [
        {
          kind: 'upsert',
          table: T.involvements,
          key: ['account_id'],
          row: { account_id: text(d.accountId), first_involved_at: event.occurredAt },
          merge: { first_involved_at: 'least' },
        },
      ];
    default:
      return [];
  }
}

function insert(table: string, key: string[], row: Row): RowOp {
  return { kind: 'insert', table, key, row };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
