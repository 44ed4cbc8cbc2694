import type { AccountEvent, LedgerEventType } from '@ledger/domain/messages/events';
import type { ProjectedEvent, RowOp } from '../projection';
import { TIMELINE_ENTRIES } from './account-timeline.schema';

/** Every event of the `account-{id}` stream: facts and the decisions derived from them. */
export const ACCOUNT_STREAM_EVENT_TYPES = [
  'AccountCreatedInCrm',
  'TouchpointRecorded',
  'DirectSalesContactRecorded',
  'SignupRecorded',
  'OpportunityOpened',
  'OpportunityWon',
  'OpportunityLost',
  'DealRegistrationSubmitted',
  'DealRegistrationAccepted',
  'DealRegistrationRejected',
  'DealRegistrationExpired',
  'AttributionDecided',
  'PaymentRecorded',
  'CommissionEarned',
  'PaymentRefunded',
  'CommissionReversed',
  'CustomerChurned',
  'CommissionClawedBack',
  'DisputeOpened',
  'DisputeResolved',
  'CommissionReassigned',
] as const satisfies readonly AccountEvent['type'][];

/**
 * Protection lives in its own stream, but listing an account and revoking its protection are
 * steps in that account's history a partner manager needs to see beside its pipeline.
 */
const PROTECTION_EVENT_TYPES = [
  'ProtectedAccountsSubmitted',
  'ProtectionRevoked',
] as const satisfies readonly LedgerEventType[];

export const TIMELINE_EVENT_TYPES: readonly string[] = [
  ...ACCOUNT_STREAM_EVENT_TYPES,
  ...PROTECTION_EVENT_TYPES,
];

const ACCOUNT_STREAM = 'account-';

/** One timeline row per account the event belongs to; the event's data is kept whole. */
export function evolveTimeline(event: ProjectedEvent): RowOp[] {
  return accountsOf(event).map((accountId) => ({
    kind: 'insert',
    table: TIMELINE_ENTRIES,
    key: ['account_id', 'event_id'],
    row: {
      account_id: accountId,
      event_id: event.eventId,
      transaction_id: event.transactionId.toString(),
      global_position: event.globalPosition.toString(),
      stream_id: event.streamId,
      stream_revision: event.streamRevision,
      type: event.type,
      occurred_at: event.occurredAt,
      recorded_at: event.recordedAt,
      // Derived events name the rule that fired; facts have none.
      rule: stringField(event.data, 'rule'),
      dispute_id: stringField(event.data, 'disputeId'),
      data_json: JSON.stringify(event.data),
    },
  }));
}

function accountsOf(event: ProjectedEvent): string[] {
  if (event.streamId.startsWith(ACCOUNT_STREAM))
    return [event.streamId.slice(ACCOUNT_STREAM.length)];
  if (event.type === 'ProtectedAccountsSubmitted') {
    const ids = event.data.accountIds;
    return Array.isArray(ids)
      ? [...new Set(ids.filter((id): id is string => typeof id === 'string'))]
      : [];
  }
  const accountId = stringField(event.data, 'accountId');
  return accountId === null ? [] : [accountId];
}

function stringField(data: ProjectedEvent['data'], field: string): string | null {
  const value = data[field];
  return typeof value === 'string' ? value : null;
}
