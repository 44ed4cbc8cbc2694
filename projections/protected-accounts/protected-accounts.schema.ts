import { qualified } from '@ledger/event-store/sql/sql-client';

/** Enrolled partners, so that a partner without a list is told apart from an unknown one. */
export const PROTECTION_PARTNERS = 'protected_accounts_partners';
/** Every list a partner submitted; the latest (commit order) replaces the earlier ones whole. */
export const PROTECTION_LISTS = 'protected_accounts_lists';
/** The accounts of each list, in list order. */
export const PROTECTION_ENTRIES = 'protected_accounts_entries';
/** Protection lost at a quarterly review, citing the list it was lost from. */
export const PROTECTION_REVOCATIONS = 'protected_accounts_revocations';

export function protectionDdl(schema: string): string[] {
  const t = (table: string) => qualified(schema, table);
  return [
    `CREATE TABLE IF NOT EXISTS ${t(PROTECTION_PARTNERS)} (
      partner_id text PRIMARY KEY,
      enrolled_at text NOT NULL,
      recorded_at text NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS ${t(PROTECTION_LISTS)} (
      partner_id text NOT NULL,
      event_id text NOT NULL,
      submission_id text NOT NULL,
      quarter text NOT NULL,
      transaction_id numeric(20, 0) NOT NULL,
      global_position bigint NOT NULL,
      submitted_at text NOT NULL,
      recorded_at text NOT NULL,
      PRIMARY KEY (partner_id, event_id)
    )`,
    `CREATE INDEX IF NOT EXISTS protected_accounts_lists_order_idx ON ${t(PROTECTION_LISTS)} (partner_id, transaction_id, global_position)`,
    `CREATE TABLE IF NOT EXISTS ${t(PROTECTION_ENTRIES)} (
      list_event_id text NOT NULL,
      account_id text NOT NULL,
      partner_id text NOT NULL,
      list_index integer NOT NULL,
      PRIMARY KEY (list_event_id, account_id)
    )`,
    `CREATE TABLE IF NOT EXISTS ${t(PROTECTION_REVOCATIONS)} (
      event_id text NOT NULL,
      account_id text NOT NULL,
      partner_id text NOT NULL,
      list_event_id text,
      quarter text NOT NULL,
      review_id text NOT NULL,
      rule text NOT NULL,
      transaction_id numeric(20, 0) NOT NULL,
      global_position bigint NOT NULL,
      revoked_at text NOT NULL,
      recorded_at text NOT NULL,
      PRIMARY KEY (event_id, account_id)
    )`,
    `CREATE INDEX IF NOT EXISTS protected_accounts_revocations_account_idx ON ${t(PROTECTION_REVOCATIONS)} (partner_id, account_id)`,
  ];
}
