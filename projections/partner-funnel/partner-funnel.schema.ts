import { qualified } from '@ledger/event-store/sql/sql-client';

/** Fact rows behind the recruitment funnel; instants are `timestamptz` so day counts are exact. */
export const FUNNEL_TABLES = {
  partners: 'partner_funnel_partners',
  onboardings: 'partner_funnel_onboardings',
  /** Every introduction (lead): an introduction touchpoint or an accepted deal registration. */
  introductions: 'partner_funnel_introductions',
  /** Each account's first signup. */
  signups: 'partner_funnel_signups',
  /** When each partner was first decided the sourced partner of each account. */
  sourcings: 'partner_funnel_sourcings',
} as const;

export function funnelDdl(schema: string): string[] {
  const t = (table: string) => qualified(schema, table);
  return [
    `CREATE TABLE IF NOT EXISTS ${t(FUNNEL_TABLES.partners)} (
      partner_id text PRIMARY KEY,
      enrolled_at timestamptz NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS ${t(FUNNEL_TABLES.onboardings)} (
      partner_id text PRIMARY KEY,
      onboarded_at timestamptz NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS ${t(FUNNEL_TABLES.introductions)} (
      event_id text PRIMARY KEY,
      partner_id text NOT NULL,
      account_id text NOT NULL,
      kind text NOT NULL,
      introduced_at timestamptz NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS partner_funnel_introductions_account_idx ON ${t(FUNNEL_TABLES.introductions)} (account_id)`,
    `CREATE TABLE IF NOT EXISTS ${t(FUNNEL_TABLES.signups)} (
      account_id text PRIMARY KEY,
      signed_up_at timestamptz NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS ${t(FUNNEL_TABLES.sourcings)} (
      partner_id text NOT NULL,
      account_id text NOT NULL,
      first_sourced_at timestamptz NOT NULL,
      PRIMARY KEY (partner_id, account_id)
    )`,
  ];
}
