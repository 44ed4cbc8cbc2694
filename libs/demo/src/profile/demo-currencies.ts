import { Money, minorUnits, roundToMinor } from '@ledger/domain/money';
import type { Random } from '../random/random';

/**
 * The currencies customers pay in: mostly dollars, then euros and pounds, and a few accounts in a
 * zero-decimal (JPY) and a three-decimal (BHD) currency so every rounding path of the ledger runs.
 * `perUsd` turns the demo's list prices (drawn in USD) into local prices; it is a price list, not an
 * exchange rate the ledger uses — balances stay per currency.
 */
const CURRENCIES: Readonly<Record<string, { share: number; perUsd: string }>> = {
  USD: { share: 0.55, perUsd: '1' },
  EUR: { share: 0.2, perUsd: '0.92' },
  GBP: { share: 0.12, perUsd: '0.79' },
  JPY: { share: 0.08, perUsd: '150' },
  BHD: { share: 0.05, perUsd: '0.376' },
};

export const DEMO_CURRENCIES: readonly string[] = Object.keys(CURRENCIES);

export function drawCurrency(random: Random): string {
  return random.weighted(Object.fromEntries(Object.entries(CURRENCIES).map(([code, c]) => [code, c.share])));
}

/**
 * A price drawn in USD (a float from the random source), as a decimal amount in `currency`: the
 * float is cut to cents once, then all arithmetic is decimal and the result is rounded once to the
 * currency's minor unit, never below one minor unit.
 */
export function priceIn(currency: string, usd: number): string {
  const local = new Money(Math.max(usd, 0.01).toFixed(2)).times(perUsd(currency));
  return atLeastOneMinorUnit(local, currency);
}

/** `fraction` (0–1) of `amount`, rounded once, at least one minor unit and never more than `amount`. */
export function fractionOf(amount: string, currency: string, fraction: number): string {
  const part = new Money(amount).times(new Money(fraction.toFixed(4)));
  const rounded = atLeastOneMinorUnit(part, currency);
  return new Money(rounded).gt(amount) ? amount : rounded;
}

/**
 * An amount in USD at the price list's rate, for reports that rank partners across currencies (such
 * as the revenue concentration). The ledger itself never converts.
 */
export function nominalUsd(amount: string, currency: string): Money {
  return new Money(amount).div(perUsd(currency));
}

function perUsd(currency: string): string {
  const entry = CURRENCIES[currency];
  if (!entry) throw new Error(`the demo does not bill in ${currency}`);
  return entry.perUsd;
}

function atLeastOneMinorUnit(value: Money, currency: string): string {
  const smallest = new Money(1).div(new Money(10).pow(minorUnits(currency)));
  return roundToMinor(value.lt(smallest) ? smallest : value, currency);
}
