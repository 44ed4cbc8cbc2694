import { qualified } from '@ledger/event-store/sql/sql-client';

/** Every `AttributionDecided` of every account: the current attribution is the latest, the rest its history. */
export const ATTRIBUTION_DECISIONS = 'account_attribution_decisions';
/** Every account the ledger has heard of, so an account without any credit is told apart from an unknown one. */
export const ATTRIBUTION_ACCOUNTS = 'account_attribution_accounts';

export function attributionDdl(schema: string): string[] {
  const decisions = qualified(schema, ATTRIBUTION_DECISIONS);
  const accounts = qualified(schema, ATTRIBUTION_ACCOUNTS);
  return [
    `CREATE TABLE IF NOT EXISTS ${decisions} (
      account_id text NOT NULL,
      event_id text NOT NULL,
      transaction_id numeric(20, 0) NOT NULL,
      global_position bigint NOT NULL,
      occurred_at text NOT NULL,
      recorded_at text NOT NULL,
      sourced_partner_id text,
      influenced_partner_ids text[] NOT NULL,
      rule text NOT NULL,
      evidence text[] NOT NULL,
      credits_json text NOT NULL,
      PRIMARY KEY (account_id, event_id)
    )`,
    `CREATE INDEX IF NOT EXISTS account_attribution_decisions_order_idx ON ${decisions} (account_id, transaction_id, global_position)`,
    `CREATE TABLE IF NOT EXISTS ${accounts} (
      account_id text PRIMARY KEY,
      first_occurred_at text NOT NULL,
      first_recorded_at text NOT NULL
    )`,
  ];
}
