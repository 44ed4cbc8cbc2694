import { qualified } from '@ledger/event-store/sql/sql-client';

/**
 * Fact rows the pipeline metrics are computed from with SQL. Amounts are `numeric` (never a float)
 * and instants `timestamptz`, so windows and "in force at" comparisons are exact.
 */
export const PIPELINE_TABLES = {
  payments: 'pipeline_metrics_payments',
  refunds: 'pipeline_metrics_refunds',
  /** Every attribution decision, so the one in force at any instant can be found. */
  attributions: 'pipeline_metrics_attributions',
  opportunities: 'pipeline_metrics_opportunities',
  closes: 'pipeline_metrics_opportunity_closes',
  /** The first partner touchpoint or accepted deal registration on each account. */
  involvements: 'pipeline_metrics_involvements',
} as const;

export function pipelineDdl(schema: string): string[] {
  const t = (table: string) => qualified(schema, table);
  return [
    `CREATE TABLE IF NOT EXISTS ${t(PIPELINE_TABLES.payments)} (
      payment_id text PRIMARY KEY,
      account_id text NOT NULL,
      amount numeric NOT NULL,
      currency text NOT NULL,
      occurred_at timestamptz NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS pipeline_metrics_payments_time_idx ON ${t(PIPELINE_TABLES.payments)} (occurred_at)`,
    `CREATE TABLE IF NOT EXISTS ${t(PIPELINE_TABLES.refunds)} (
      refund_id text PRIMARY KEY,
      payment_id text NOT NULL,
      amount numeric NOT NULL,
      occurred_at timestamptz NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS pipeline_metrics_refunds_time_idx ON ${t(PIPELINE_TABLES.refunds)} (occurred_at)`,
    `CREATE TABLE IF NOT EXISTS ${t(PIPELINE_TABLES.attributions)} (
      account_id text NOT NULL,
      event_id text NOT NULL,
      transaction_id numeric(20, 0) NOT NULL,
      global_position bigint NOT NULL,
      occurred_at timestamptz NOT NULL,
      sourced_partner_id text,
      influenced_partner_ids text[] NOT NULL,
      PRIMARY KEY (account_id, event_id)
    )`,
    `CREATE INDEX IF NOT EXISTS pipeline_metrics_attributions_order_idx
       ON ${t(PIPELINE_TABLES.attributions)} (account_id, transaction_id, global_position)`,
    `CREATE TABLE IF NOT EXISTS ${t(PIPELINE_TABLES.opportunities)} (
      opportunity_id text PRIMARY KEY,
      account_id text NOT NULL,
      amount numeric NOT NULL,
      currency text NOT NULL,
      opened_at timestamptz NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS ${t(PIPELINE_TABLES.closes)} (
      opportunity_id text PRIMARY KEY,
      outcome text NOT NULL,
      closed_at timestamptz NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS pipeline_metrics_opportunity_closes_time_idx ON ${t(PIPELINE_TABLES.closes)} (closed_at)`,
    `CREATE TABLE IF NOT EXISTS ${t(PIPELINE_TABLES.involvements)} (
      account_id text PRIMARY KEY,
      first_involved_at timestamptz NOT NULL
    )`,
  ];
}
