import type { ProjectedEvent, RowOp } from '../projection';
import { ACCOUNT_STREAM_EVENT_TYPES } from '../account-timeline/account-timeline.evolve';
import { ATTRIBUTION_ACCOUNTS, ATTRIBUTION_DECISIONS } from './account-attribution.schema';

export const ATTRIBUTION_EVENT_TYPES: readonly string[] = ACCOUNT_STREAM_EVENT_TYPES;

const ACCOUNT_STREAM = 'account-';

/**
 * Every account event makes the account known (first business and ledger time, merged with
 * `least` so replays and late arrivals agree); an `AttributionDecided` also adds a row to the
 * account's attribution history.
 */
export function evolveAttribution(event: ProjectedEvent): RowOp[] {
  if (!event.streamId.startsWith(ACCOUNT_STREAM)) return [];
  const accountId = event.streamId.slice(ACCOUNT_STREAM.length);
  const known: RowOp = {
    kind: 'upsert',
    table: ATTRIBUTION_ACCOUNTS,
    key: ['account_id'],
    row: {
      account_id: accountId,
      first_occurred_at: event.occurredAt,
      first_recorded_at: event.recordedAt,
    },
    merge: { first_occurred_at: 'least', first_recorded_at: 'least' },
  };
  if (event.type !== 'AttributionDecided') return [known];
  return [known, decisionRow(accountId, event)];
}

function decisionRow(accountId: string, event: ProjectedEvent): RowOp {
  const { sourced, influenced, rule, evidence, credits } = event.data;
  return {
    kind: 'insert',
    table: ATTRIBUTION_DECISIONS,
    key: ['account_id', 'event_id'],
    row: {
      account_id: accountId,
      event_id: event.eventId,
      transaction_id: event.transactionId.toString(),
      global_position: event.globalPosition.toString(),
      occurred_at: event.occurredAt,
      recorded_at: event.recordedAt,
      sourced_partner_id: typeof sourced === 'string' ? sourced : null,
      influenced_partner_ids: strings(influenced),
      rule: typeof rule === 'string' ? rule : '',
      evidence: strings(evidence),
      credits_json: JSON.stringify(Array.isArray(credits) ? credits : []),
    },
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}
