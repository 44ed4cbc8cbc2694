import type { LedgerEventType } from '@ledger/domain/messages/events';
import { INTRODUCTION_KINDS } from '@ledger/domain/messages/vocabulary';
import type { ProjectedEvent, Row, RowOp } from '../projection';
import { FUNNEL_TABLES as T } from './partner-funnel.schema';

export const FUNNEL_EVENT_TYPES = [
  'PartnerEnrolled',
  'PartnerOnboarded',
  'TouchpointRecorded',
  'DealRegistrationAccepted',
  'SignupRecorded',
  'AttributionDecided',
] as const satisfies readonly LedgerEventType[];

/** The `kind` an accepted deal registration is stored under among the introductions. */
export const REGISTRATION_KIND = 'deal_registration';

/**
 * Insert-only rows keyed by business id or event, except the first signup of an account and the
 * first time a partner was decided sourced, which merge with `least`: replays and back-dated
 * facts converge on the same rows.
 */
export function evolveFunnel(event: ProjectedEvent): RowOp[] {
  const d = event.data;
  switch (event.type) {
    case 'PartnerEnrolled':
      return [
        insert(T.partners, ['partner_id'], {
          partner_id: text(d.partnerId),
          enrolled_at: text(d.enrolledAt) || event.occurredAt,
        }),
      ];
    case 'PartnerOnboarded':
      return [
        insert(T.onboardings, ['partner_id'], {
          partner_id: text(d.partnerId),
          onboarded_at: text(d.onboardedAt) || event.occurredAt,
        }),
      ];
    case 'TouchpointRecorded':
      // Contributions (demo, reference…) help close a lead; only introductions bring one.
      if (!(INTRODUCTION_KINDS as readonly unknown[]).includes(d.kind)) return [];
      return [introduction(event, text(d.kind))];
    case 'DealRegistrationAccepted':
      return [introduction(event, REGISTRATION_KIND)];
    case 'SignupRecorded':
      return [
        firstOf(
          T.signups,
          ['account_id'],
          { account_id: text(d.accountId), signed_up_at: event.occurredAt },
          'signed_up_at',
        ),
      ];
    case 'AttributionDecided':
      if (typeof d.sourced !== 'string') return [];
      return [
        firstOf(
          T.sourcings,
          ['partner_id', 'account_id'],
          {
            partner_id: d.sourced,
            account_id: text(d.accountId),
            first_sourced_at: event.occurredAt,
          },
          'first_sourced_at',
        ),
      ];
    default:
      return [];
  }
}

function introduction(event: ProjectedEvent, kind: string): RowOp {
  return insert(T.introductions, ['event_id'], {
    event_id: event.eventId,
    partner_id: text(event.data.partnerId),
    account_id: text(event.data.accountId),
    kind,
    introduced_at: event.occurredAt,
  });
}

function insert(table: string, key: string[], row: Row): RowOp {
  return { kind: 'insert', table, key, row };
}

function firstOf(table: string, key: string[], row: Row, column: string): RowOp {
  return { kind: 'upsert', table, key, row, merge: { [column]: 'least' } };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
