import type { LedgerEventType } from '@ledger/domain/messages/events';
import type { ProjectedEvent, Row, RowOp } from '../projection';
import {
  PROTECTION_ENTRIES,
  PROTECTION_LISTS,
  PROTECTION_PARTNERS,
  PROTECTION_REVOCATIONS,
} from './protected-accounts.schema';

export const PROTECTION_EVENT_TYPES = [
  'PartnerEnrolled',
  'ProtectedAccountsSubmitted',
  'ProtectionRevoked',
] as const satisfies readonly LedgerEventType[];

/** Rows of the protected-accounts read model; every row is insert-only, keyed by the event. */
export function evolveProtection(event: ProjectedEvent): RowOp[] {
  switch (event.type) {
    case 'PartnerEnrolled':
      return [
        insert(PROTECTION_PARTNERS, ['partner_id'], {
          partner_id: text(event.data.partnerId),
          enrolled_at: event.occurredAt,
          recorded_at: event.recordedAt,
        }),
      ];
    case 'ProtectedAccountsSubmitted':
      return listed(event);
    case 'ProtectionRevoked':
      return [revoked(event)];
    default:
      return [];
  }
}

function listed(event: ProjectedEvent): RowOp[] {
  const partnerId = text(event.data.partnerId);
  const accountIds = Array.isArray(event.data.accountIds)
    ? event.data.accountIds.filter((id): id is string => typeof id === 'string')
    : [];
  const list = insert(PROTECTION_LISTS, ['partner_id', 'event_id'], {
    partner_id: partnerId,
    event_id: event.eventId,
    submission_id: text(event.data.submissionId),
    quarter: text(event.data.quarter),
    transaction_id: event.transactionId.toString(),
    global_position: event.globalPosition.toString(),
    submitted_at: event.occurredAt,
    recorded_at: event.recordedAt,
  });
  const entries = accountIds.map((accountId, index) =>
    insert(PROTECTION_ENTRIES, ['list_event_id', 'account_id'], {
      list_event_id: event.eventId,
      account_id: accountId,
      partner_id: partnerId,
      list_index: index,
    }),
  );
  return [list, ...entries];
}

/** A revocation cites the list it revokes from as its first evidence (protection.decide). */
function revoked(event: ProjectedEvent): RowOp {
  const evidence = Array.isArray(event.data.evidence) ? event.data.evidence : [];
  const listEventId = typeof evidence[0] === 'string' ? evidence[0] : null;
  return insert(PROTECTION_REVOCATIONS, ['event_id', 'account_id'], {
    event_id: event.eventId,
    account_id: text(event.data.accountId),
    partner_id: text(event.data.partnerId),
    list_event_id: listEventId,
    quarter: text(event.data.quarter),
    review_id: text(event.data.reviewId),
    rule: text(event.data.rule),
    transaction_id: event.transactionId.toString(),
    global_position: event.globalPosition.toString(),
    revoked_at: event.occurredAt,
    recorded_at: event.recordedAt,
  });
}

function insert(table: string, key: string[], row: Row): RowOp {
  return { kind: 'insert', table, key, row };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
