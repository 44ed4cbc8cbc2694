import type { ProjectedEvent, Projection, RowOp } from '../../projection';

/**
 * A test projection that exercises every upsert merge rule on one row per partner, so specs can
 * prove the database merges a stored row exactly as the runner merges rows of one batch.
 */
export const activityProjection: Projection = {
  name: 'test_activity',
  version: 1,
  tables: ['partner_activity'],
  ddl: (schema) => [
    `CREATE TABLE "${schema}"."partner_activity" (
      partner_id text PRIMARY KEY,
      events integer NOT NULL,
      first_at text NOT NULL,
      last_at text NOT NULL,
      largest numeric,
      last_type text NOT NULL,
      position bigint NOT NULL)`,
  ],
  eventTypes: [
    'CommissionEarned',
    'CommissionReversed',
    'CommissionClawedBack',
    'CommissionReassigned',
  ],
  evolve(event: ProjectedEvent): RowOp[] {
    const data = event.data as { partnerId?: string; fromPartnerId?: string; amount: string };
    return [
      {
        kind: 'upsert',
        table: 'partner_activity',
        key: ['partner_id'],
        // `events` keeps the count of the first write: a counter would not be safe to apply twice.
        row: {
          partner_id: data.partnerId ?? data.fromPartnerId ?? '',
          events: 1,
          first_at: event.occurredAt,
          last_at: event.occurredAt,
          largest: data.amount,
          last_type: event.type,
          position: event.globalPosition.toString(),
        },
        merge: {
          events: 'keep',
          first_at: 'least',
          last_at: 'greatest',
          largest: 'greatest',
          last_type: 'replace',
        },
      },
    ];
  },
};
