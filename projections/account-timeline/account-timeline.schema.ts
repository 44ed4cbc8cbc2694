import { qualified } from '@ledger/event-store/sql/sql-client';

/** One row per event of an account, in the account's timeline (SPEC §5 `GET /v1/accounts/{id}/timeline`). */
export const TIMELINE_ENTRIES = 'account_timeline_entries';

/**
 * Rows are keyed by (account, event): an event naming several accounts (a protected-accounts list)
 * appears on each of their timelines. The order index is the whole read path of the timeline
 * endpoint: one account's entries in commit order are one index range, so the answer time does
 * not grow with the size of the log.
 */
export function timelineDdl(schema: string): string[] {
  const t = qualified(schema, TIMELINE_ENTRIES);
  return [
    `CREATE TABLE IF NOT EXISTS ${t} (
      account_id text NOT NULL,
      event_id text NOT NULL,
      transaction_id numeric(20, 0) NOT NULL,
      global_position bigint NOT NULL,
      stream_id text NOT NULL,
      stream_revision integer NOT NULL,
      type text NOT NULL,
      occurred_at text NOT NULL,
      recorded_at text NOT NULL,
      rule text,
      dispute_id text,
      data_json text NOT NULL,
      PRIMARY KEY (account_id, event_id)
    )`,
    `CREATE INDEX IF NOT EXISTS account_timeline_entries_order_idx ON ${t} (account_id, transaction_id, global_position)`,
  ];
}
