/**
 * The payout read model. Amounts are `numeric` (exact; lines and payouts are sums of already-rounded
 * amounts); instants are the ledger's fixed-width UTC text, so text order is time order.
 *
 * - `payouts`: one row per payout with its current status (`issued`, `paid`, `failed`). A payout counts
 *   as paid to the partner while it is issued or paid; a failed one gives its items back.
 * - `payout_lines`: every line of every payout, as issued.
 * - `payout_settlements`: per partner and item, the payout that settles it and whether it still does
 *   (false after that payout failed). A run reads candidates as "not settled here", and the payout
 *   stream makes the final, race-free decision.
 * - `payout_runs`, `payout_carried_items`: completed runs, and the items a run held back (below the
 *   minimum or negative), so a later payout shows them as `carried`.
 */
export const PAYOUTS = 'payouts';
export const PAYOUT_LINES = 'payout_lines';
export const PAYOUT_SETTLEMENTS = 'payout_settlements';
export const PAYOUT_RUNS = 'payout_runs';
export const PAYOUT_CARRIED_ITEMS = 'payout_carried_items';

export function payoutsDdl(schema: string): string[] {
  const t = (table: string) => `"${schema}"."${table}"`;
  return [
    `CREATE TABLE ${t(PAYOUTS)} (
      payout_id text PRIMARY KEY,
      run_id text,
      partner_id text,
      currency text,
      amount numeric,
      as_of text,
      minimum_payout numeric,
      status text NOT NULL CHECK (status IN ('issued', 'paid', 'failed')),
      line_count integer,
      issued_event_id text,
      issued_recorded_at text,
      closed_at text,
      closed_recorded_at text,
      reference text,
      position bigint NOT NULL)`,
    `CREATE INDEX payouts_partner_idx ON ${t(PAYOUTS)} (partner_id, currency, as_of)`,
    `CREATE INDEX payouts_run_idx ON ${t(PAYOUTS)} (run_id)`,
    `CREATE TABLE ${t(PAYOUT_LINES)} (
      payout_id text NOT NULL,
      line_no integer NOT NULL,
      run_id text NOT NULL,
      partner_id text NOT NULL,
      currency text NOT NULL,
      kind text NOT NULL,
      item_kind text NOT NULL,
      item_id text NOT NULL,
      amount numeric NOT NULL,
      account_id text NOT NULL,
      commission_id text NOT NULL,
      payment_id text NOT NULL,
      rule text NOT NULL,
      plan_version integer,
      carried_from_run_id text,
      source_event_ids text[] NOT NULL,
      PRIMARY KEY (payout_id, line_no))`,
    `CREATE TABLE ${t(PAYOUT_SETTLEMENTS)} (
      partner_id text NOT NULL,
      item_id text NOT NULL,
      payout_id text NOT NULL,
      settled boolean NOT NULL,
      position bigint NOT NULL,
      PRIMARY KEY (partner_id, item_id))`,
    `CREATE TABLE ${t(PAYOUT_RUNS)} (
      run_id text PRIMARY KEY,
      as_of text NOT NULL,
      minimum_payout numeric NOT NULL,
      payout_count integer NOT NULL,
      carried_count integer NOT NULL,
      skipped_count integer NOT NULL,
      recorded_at text NOT NULL,
      position bigint NOT NULL)`,
    `CREATE TABLE ${t(PAYOUT_CARRIED_ITEMS)} (
      partner_id text NOT NULL,
      item_id text NOT NULL,
      run_id text NOT NULL,
      as_of text NOT NULL,
      PRIMARY KEY (partner_id, item_id))`,
  ];
}
