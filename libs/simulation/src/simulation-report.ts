import { Money, type Plan } from '@ledger/domain';
import { formatExact } from '@ledger/domain/money';
import type { MoneyTally } from './money-effects';
import type { SimulationWindow } from './simulation-window';

/**
 * One partner's net commission cost in one currency for the payments of the window: what the
 * ledger actually recorded, what the simulated plan would have recorded, and `simulated − actual`
 * (positive: the plan would cost more). Net means earned − reversed − clawed back ± reassigned.
 */
export interface PartnerDifference {
  partnerId: string;
  currency: string;
  actual: string;
  simulated: string;
  difference: string;
}

/** The programme's total cost change in one currency (there is no FX conversion). */
export interface CurrencyTotal {
  currency: string;
  actual: string;
  simulated: string;
  difference: string;
}

export interface SimulationReport extends SimulationWindow {
  plan: Plan;
  partners: PartnerDifference[];
  totals: CurrencyTotal[];
}

/** Rows sorted by partner id, then currency (code-unit order, so every machine prints the same). */
export function buildReport(
  window: SimulationWindow,
  plan: Plan,
  actual: MoneyTally,
  simulated: MoneyTally,
): SimulationReport {
  const keys = new Map<string, { partnerId: string; currency: string }>();
  for (const key of [...actual.keys(), ...simulated.keys()])
    keys.set(JSON.stringify([key.partnerId, key.currency]), key);
  const sorted = [...keys.values()].sort(
    (a, b) => compare(a.partnerId, b.partnerId) || compare(a.currency, b.currency),
  );

  const partners: PartnerDifference[] = [];
  const totals = new Map<string, { actual: Money; simulated: Money }>();
  for (const { partnerId, currency } of sorted) {
    const was = actual.amountOf(partnerId, currency);
    const would = simulated.amountOf(partnerId, currency);
    partners.push({ partnerId, currency, ...amounts(was, would, currency) });
    const total = totals.get(currency) ?? { actual: new Money(0), simulated: new Money(0) };
    totals.set(currency, {
      actual: total.actual.plus(was),
      simulated: total.simulated.plus(would),
    });
  }
  const currencyTotals = [...totals.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([currency, total]) => ({
      currency,
      ...amounts(total.actual, total.simulated, currency),
    }));
  return { from: window.from, to: window.to, plan, partners, totals: currencyTotals };
}

/** Sums and differences of stored amounts are exact: written out, never rounded again. */
function amounts(
  actual: Money,
  simulated: Money,
  currency: string,
): Omit<CurrencyTotal, 'currency'> {
  return {
    actual: formatExact(actual, currency),
    simulated: formatExact(simulated, currency),
    difference: formatExact(simulated.minus(actual), currency),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
