import { REFERRAL_CLICK_WINDOW_DAYS } from '@ledger/domain/program/rules';
import { qualified, type SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { ratio } from '../pipeline-metrics/pipeline-metrics.query';
import { FUNNEL_TABLES as T } from './partner-funnel.schema';

/** Partners referring this many accounts in one calendar quarter are "performing" (seed: "3+ referrals per quarter"). */
export const PERFORMING_REFERRALS_PER_QUARTER = 3;

/**
 * The partner recruitment funnel (SPEC §5; stages from the programme design, seed "The Recruitment
 * Funnel"). Every count is of enrolled partners; a later stage does not require the earlier ones.
 *
 * - A **lead** is an introduction: a `referral_click`, `coupon` or `co_sell_intro` touchpoint, or an
 *   accepted deal registration (at its submission time).
 * - A **referral** is an introduction that led somewhere: the partner introduced the account and then
 *   the account signed up (a `referral_click` only counts when the signup follows it within 90 whole
 *   days, as for attribution) or the partner was decided its sourced partner. It is dated at the
 *   earlier of that signup and that first sourced decision; one account counts once per partner. A
 *   partner made sourced without an introduction of its own (by a dispute) has no referral from it.
 */
export interface PartnerFunnel {
  asOf: string | null;
  /** Partners who signed up: enrolled. */
  recruited: number;
  /** Partners who completed setup: `PartnerOnboarded` recorded. */
  onboarded: number;
  /** Partners with at least one lead. */
  activated: number;
  /** Partners with at least 3 referrals dated in one calendar quarter (UTC). */
  performing: number;
  /** "% of signed partners who generated at least one lead": activated ÷ recruited, 4 decimals; null with no partner. */
  activationRate: number | null;
  /**
   * Median, over partners with a referral, of the whole UTC days from enrolment to the partner's
   * first referral (the mean of the two middle values for an even count); null when nobody referred.
   */
  medianDaysToFirstReferral: number | null;
}

interface FunnelRow {
  recruited: number;
  onboarded: number;
  activated: number;
  performing: number;
  median_days: string | null;
}

/** The funnel from every fact known; with `asOf`, only facts dated at or before it. */
export async function readPartnerFunnel(
  db: SqlQueryable,
  schema: string,
  options: { asOf?: string } = {},
): Promise<PartnerFunnel> {
  const [row] = await db.query<FunnelRow>(funnelSql(schema), [options.asOf ?? null]);
  return {
    asOf: options.asOf ?? null,
    recruited: Number(row!.recruited),
    onboarded: Number(row!.onboarded),
    activated: Number(row!.activated),
    performing: Number(row!.performing),
    activationRate: ratio(row!.activated, row!.recruited),
    medianDaysToFirstReferral: row!.median_days === null ? null : Number(row!.median_days),
  };
}

function funnelSql(schema: string): string {
  const t = (table: string) => qualified(schema, table);
  const known = (column: string) => `($1::timestamptz IS NULL OR ${column} <= $1::timestamptz)`;
  // "Within 90 days" includes day 90: fewer than 91 whole days (docs/decisions.md, "Time").
  const clickWindow = `interval '${REFERRAL_CLICK_WINDOW_DAYS + 1} days'`;
  return `
    WITH partners AS (
      SELECT p.partner_id, p.enrolled_at, o.onboarded_at
        FROM ${t(T.partners)} p
        LEFT JOIN ${t(T.onboardings)} o ON o.partner_id = p.partner_id AND ${known('o.onboarded_at')}
       WHERE ${known('p.enrolled_at')}
    ),
    leads AS (
      SELECT DISTINCT partner_id FROM ${t(T.introductions)} WHERE ${known('introduced_at')}
    ),
    referral_moments AS (
      SELECT i.partner_id, i.account_id, s.signed_up_at AS at
        FROM ${t(T.introductions)} i
        JOIN ${t(T.signups)} s ON s.account_id = i.account_id AND s.signed_up_at >= i.introduced_at
       WHERE i.kind <> 'referral_click' OR s.signed_up_at < i.introduced_at + ${clickWindow}
      UNION ALL
      SELECT d.partner_id, d.account_id, d.first_sourced_at
        FROM ${t(T.sourcings)} d
       WHERE EXISTS (SELECT 1 FROM ${t(T.introductions)} i
                      WHERE i.partner_id = d.partner_id AND i.account_id = d.account_id AND i.introduced_at <= d.first_sourced_at)
    ),
    referrals AS (
      SELECT partner_id, account_id, min(at) AS at FROM referral_moments GROUP BY partner_id, account_id
    ),
    known_referrals AS (
      SELECT * FROM referrals WHERE ${known('at')}
    ),
    first_referrals AS (
      SELECT partner_id, min(at) AS at FROM known_referrals GROUP BY partner_id
    ),
    performing AS (
      SELECT DISTINCT partner_id FROM known_referrals
       GROUP BY partner_id, date_trunc('quarter', at AT TIME ZONE 'UTC')
      HAVING count(*) >= ${PERFORMING_REFERRALS_PER_QUARTER}
    )
    SELECT count(*)::int AS recruited,
           count(p.onboarded_at)::int AS onboarded,
           count(l.partner_id)::int AS activated,
           count(pf.partner_id)::int AS performing,
           (percentile_cont(0.5) WITHIN GROUP (
              ORDER BY floor(extract(epoch FROM fr.at - p.enrolled_at) / 86400)::float8))::text AS median_days
      FROM partners p
      LEFT JOIN leads l ON l.partner_id = p.partner_id
      LEFT JOIN first_referrals fr ON fr.partner_id = p.partner_id
      LEFT JOIN performing pf ON pf.partner_id = p.partner_id`;
}
