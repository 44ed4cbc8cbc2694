import { Money, formatExact, roundToMinor } from '@ledger/domain/money';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { closedOpportunitiesSql, revenueSql, sourcedPipelineSql } from './pipeline-metrics.sql';

/** A half-open window of business time, `from` ≤ t < `to`; an absent end is open. */
export interface MetricsWindow {
  from?: string;
  to?: string;
}

/** Amounts per ISO 4217 currency, as decimal strings; there is no FX conversion. */
export type PerCurrency = Record<string, string>;

/**
 * The programme's pipeline metrics over a window (SPEC §5; definitions from the programme design,
 * seed "Metrics to Track"). "Revenue" is net: payments dated in the window less refunds dated in
 * the window. Each payment (and each refund, through its payment) counts with the attribution in
 * force at the payment: the last `AttributionDecided` the ledger recorded for the account among
 * those dated at or before the payment.
 */
export interface PipelineMetrics {
  from: string | null;
  to: string | null;
  /** Net revenue of every payment in the window, whoever earned it: the base the shares compare against. */
  totalRevenue: PerCurrency;
  /** "Revenue from deals where a partner was first touch": payments whose attribution names a sourced partner. */
  partnerSourcedRevenue: PerCurrency;
  /**
   * "Revenue from deals where a partner contributed but was not first touch": payments whose
   * attribution names no sourced partner but at least one influenced partner. Disjoint from sourced.
   */
  partnerInfluencedRevenue: PerCurrency;
  /**
   * "Open pipeline from partner referrals", a stock at the window's end: the amounts of opportunities
   * opened before `to` and not won or lost before `to`, on accounts whose attribution in force just
   * before `to` names a sourced partner (with no `to`: every opportunity not closed yet).
   */
  sourcedPipeline: PerCurrency;
  /**
   * "% of deals with at least one partner touchpoint": of the opportunities won in the window, the
   * share with partner involvement at the win — a partner touchpoint (any kind) or accepted deal
   * registration on the account dated at or before the win, or a partner credited by the attribution
   * in force at the win. Null when nothing was won.
   */
  attachRate: number | null;
  /** Won ÷ (won + lost) over opportunities closed in the window whose attribution at the close names a sourced partner. */
  sourcedWinRate: number | null;
  /** Won ÷ (won + lost) over opportunities closed in the window with no partner involvement at the close (as in `attachRate`). */
  directWinRate: number | null;
  /**
   * "Revenue per active partner": per currency, partner-sourced revenue ÷ the number of active
   * partners, those credited as sourced on at least one payment in that currency in the window;
   * rounded once, half-even, to the currency's minor unit. Absent for a currency with no active partner.
   */
  averageRevenuePerActivePartner: PerCurrency;
  /**
   * "Partners in the top 10% by revenue": per currency, the share of partner-sourced revenue earned
   * by the top ⌈10%⌉ of active partners ranked by their partner-sourced revenue (ties: partner id).
   * Absent for a currency whose partner-sourced revenue is not positive.
   */
  topDecileRevenueShare: Record<string, number>;
}

interface RevenueRow {
  currency: string;
  sourced_partner_id: string | null;
  influenced_only: boolean;
  amount: string;
  payments: number;
}

interface ClosedRow {
  won: number;
  won_involved: number;
  sourced_closed: number;
  sourced_won: number;
  direct_closed: number;
  direct_won: number;
}

/** Ratios are plain numbers rounded half-even to 4 decimals (0.6667); money never is. */
export function ratio(
  numerator: Money | number | string,
  denominator: Money | number | string,
): number | null {
  const d = new Money(denominator);
  if (d.isZero()) return null;
  return new Money(numerator).div(d).toDecimalPlaces(4, Money.ROUND_HALF_EVEN).toNumber();
}

export async function readPipelineMetrics(
  db: SqlQueryable,
  schema: string,
  window: MetricsWindow,
): Promise<PipelineMetrics> {
  const bounds = [window.from ?? null, window.to ?? null];
  const revenue = await db.query<RevenueRow>(revenueSql(schema), bounds);
  const [closed] = await db.query<ClosedRow>(closedOpportunitiesSql(schema), bounds);
  const pipeline = await db.query<{ currency: string; amount: string }>(
    sourcedPipelineSql(schema),
    [window.to ?? null],
  );
  return {
    from: window.from ?? null,
    to: window.to ?? null,
    ...revenueMetrics(revenue),
    sourcedPipeline: Object.fromEntries(
      pipeline.map((row) => [row.currency, formatExact(row.amount, row.currency)]),
    ),
    attachRate: ratio(closed!.won_involved, closed!.won),
    sourcedWinRate: ratio(closed!.sourced_won, closed!.sourced_closed),
    directWinRate: ratio(closed!.direct_won, closed!.direct_closed),
  };
}

type RevenueMetrics = Pick<
  PipelineMetrics,
  | 'totalRevenue'
  | 'partnerSourcedRevenue'
  | 'partnerInfluencedRevenue'
  | 'averageRevenuePerActivePartner'
  | 'topDecileRevenueShare'
>;

/** Folds the per-(currency, partner) sums into the revenue metrics; exact decimal arithmetic only. */
export function revenueMetrics(rows: readonly RevenueRow[]): RevenueMetrics {
  const currencies = [...new Set(rows.map((row) => row.currency))].sort();
  const result: RevenueMetrics = {
    totalRevenue: {},
    partnerSourcedRevenue: {},
    partnerInfluencedRevenue: {},
    averageRevenuePerActivePartner: {},
    topDecileRevenueShare: {},
  };
  for (const currency of currencies) {
    const own = rows.filter((row) => row.currency === currency);
    const sum = (selected: RevenueRow[]) =>
      selected.reduce((total, row) => total.plus(row.amount), new Money(0));
    const sourcedRows = own.filter((row) => row.sourced_partner_id !== null);
    const sourced = sum(sourcedRows);
    result.totalRevenue[currency] = formatExact(sum(own), currency);
    result.partnerSourcedRevenue[currency] = formatExact(sourced, currency);
    result.partnerInfluencedRevenue[currency] = formatExact(
      sum(own.filter((row) => row.influenced_only)),
      currency,
    );

    const active = sourcedRows.filter((row) => Number(row.payments) > 0);
    if (active.length > 0)
      result.averageRevenuePerActivePartner[currency] = roundToMinor(
        sourced.div(active.length),
        currency,
      );
    const share = topDecileShare(active, sourced);
    if (share !== null) result.topDecileRevenueShare[currency] = share;
  }
  return result;
}

function topDecileShare(active: readonly RevenueRow[], sourced: Money): number | null {
  if (active.length === 0 || !sourced.gt(0)) return null;
  const ranked = [...active].sort(
    (a, b) =>
      new Money(b.amount).cmp(a.amount) || (a.sourced_partner_id! < b.sourced_partner_id! ? -1 : 1),
  );
  const top = ranked.slice(0, Math.ceil(ranked.length / 10));
  return ratio(
    top.reduce((total, row) => total.plus(row.amount), new Money(0)),
    sourced,
  );
}
