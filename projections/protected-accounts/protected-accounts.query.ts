import { qualified, type SqlQueryable } from '@ledger/event-store/sql/sql-client';
import {
  PROTECTION_ENTRIES,
  PROTECTION_LISTS,
  PROTECTION_PARTNERS,
  PROTECTION_REVOCATIONS,
} from './protected-accounts.schema';

export interface ProtectedAccountsQuery {
  partnerId: string;
  /** The list and revocations in force at this business time. */
  asOf?: string;
  /** As the ledger knew them at this ledger time. */
  knownAt?: string;
}

/**
 * One account of a partner's current list. `protected` until a quarterly review finds no pipeline
 * movement in the quarter; then `revoked`, naming the review, the reviewed quarter and the rule.
 */
export interface ProtectedAccount {
  accountId: string;
  state: 'protected' | 'revoked';
  listedAt: string;
  revocation: {
    revokedAt: string;
    quarter: string;
    reviewId: string;
    rule: string;
    eventId: string;
  } | null;
}

export interface ProtectedAccountList {
  partnerId: string;
  /** The quarter and submission of the list in force; null when the partner never submitted one. */
  quarter: string | null;
  submissionId: string | null;
  submittedAt: string | null;
  accounts: ProtectedAccount[];
}

interface ListRow {
  event_id: string;
  submission_id: string;
  quarter: string;
  submitted_at: string;
  transaction_id: string;
  global_position: string;
}

interface EntryRow {
  account_id: string;
  revocation_event_id: string | null;
  revoked_at: string | null;
  revoked_quarter: string | null;
  review_id: string | null;
  rule: string | null;
}

/**
 * A partner's protected-account list as it stood (its latest submission replaces earlier ones
 * whole), each account with its protection state; null for a partner that is not enrolled.
 */
export async function readProtectedAccounts(
  db: SqlQueryable,
  schema: string,
  query: ProtectedAccountsQuery,
): Promise<ProtectedAccountList | null> {
  const t = (table: string) => qualified(schema, table);
  const partner = await db.query(`SELECT 1 FROM ${t(PROTECTION_PARTNERS)} WHERE partner_id = $1`, [
    query.partnerId,
  ]);
  if (partner.length === 0) return null;
  const [list] = await db.query<ListRow>(
    `SELECT event_id, submission_id, quarter, submitted_at, transaction_id::text AS transaction_id, global_position::text AS global_position
       FROM ${t(PROTECTION_LISTS)} l
      WHERE l.partner_id = $1 AND ($2::text IS NULL OR l.submitted_at <= $2::text) AND ($3::text IS NULL OR l.recorded_at <= $3::text)
      -- Qualified: the select list's text aliases of these columns would sort '10' before '9'.
      ORDER BY l.transaction_id DESC, l.global_position DESC
      LIMIT 1`,
    [query.partnerId, query.asOf ?? null, query.knownAt ?? null],
  );
  if (!list)
    return {
      partnerId: query.partnerId,
      quarter: null,
      submissionId: null,
      submittedAt: null,
      accounts: [],
    };
  // A revocation cites the list it revokes from; one without that citation applies to the list in
  // force when it was recorded, i.e. a list committed before it.
  const rows = await db.query<EntryRow>(
    `SELECT e.account_id, r.event_id AS revocation_event_id, r.revoked_at, r.quarter AS revoked_quarter, r.review_id, r.rule
       FROM ${t(PROTECTION_ENTRIES)} e
       LEFT JOIN LATERAL (
         SELECT * FROM ${t(PROTECTION_REVOCATIONS)} r
          WHERE r.partner_id = $1 AND r.account_id = e.account_id
            AND (r.list_event_id = $2 OR (r.list_event_id IS NULL AND (r.transaction_id, r.global_position) > ($5::numeric, $6::bigint)))
            AND ($3::text IS NULL OR r.revoked_at <= $3::text) AND ($4::text IS NULL OR r.recorded_at <= $4::text)
          ORDER BY r.transaction_id, r.global_position
          LIMIT 1) r ON true
      WHERE e.list_event_id = $2
      ORDER BY e.list_index`,
    [
      query.partnerId,
      list.event_id,
      query.asOf ?? null,
      query.knownAt ?? null,
      list.transaction_id,
      list.global_position,
    ],
  );
  return {
    partnerId: query.partnerId,
    quarter: list.quarter,
    submissionId: list.submission_id,
    submittedAt: list.submitted_at,
    accounts: rows.map((row) => toAccount(row, list.submitted_at)),
  };
}

function toAccount(row: EntryRow, listedAt: string): ProtectedAccount {
  const revocation =
    row.revocation_event_id === null
      ? null
      : {
          revokedAt: row.revoked_at!,
          quarter: row.revoked_quarter!,
          reviewId: row.review_id!,
          rule: row.rule!,
          eventId: row.revocation_event_id,
        };
  return {
    accountId: row.account_id,
    state: revocation ? 'revoked' : 'protected',
    listedAt,
    revocation,
  };
}
