import Decimal from 'decimal.js';
import { minorUnits } from './currencies';

/**
 * The one decimal type for money. A local clone, so no other code's global decimal.js settings can
 * change our results: 40 significant digits (far beyond any amount × rate), and half-even rounding,
 * the banker's rounding SPEC §4 asks for. Values travel as decimal strings outside the domain.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Money = Decimal;

/** Plain decimal notation: optional minus, digits, optional fraction. No exponent, no `+`, no spaces. */
const DECIMAL_STRING = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** Thrown when text that should be a decimal amount is not one (a broken invariant past the HTTP edge). */
export class InvalidAmountError extends Error {
  constructor(readonly input: unknown) {
    super(`not a decimal amount string: ${JSON.stringify(input)}`);
    this.name = 'InvalidAmountError';
  }
}

/** True for a strict decimal string such as `"1234.56"`, `"0"`, `"-12.5"`; false for numbers, `"1e3"`, `"1."`, `" 1"`. */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_STRING.test(value);
}

/**
 * Parses a strict decimal string into `Money`. Binary floats (JS numbers) and exponent notation are
 * refused, because a float has already lost cents before we see it.
 */
export function parseAmount(value: unknown): Money {
  if (!isDecimalString(value)) throw new InvalidAmountError(value);
  return new Money(value);
}

/** Decimal places written in a decimal string (`"12.50"` → 2), for checking amounts against a currency. */
export function decimalPlacesOf(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}

/** True when `amount` is a decimal string with no more decimals than `currency`'s minor unit. */
export function fitsMinorUnits(amount: string, currency: string): boolean {
  return isDecimalString(amount) && decimalPlacesOf(amount) <= minorUnits(currency);
}

/**
 * THE rounding step: half-even to `currency`'s minor unit, written with exactly that many decimals
 * (`"1000.00"`, `"1234"` for JPY, `"0.125"` for BHD). Each derived amount passes through here once.
 */
export function roundToMinor(amount: Money | string, currency: string): string {
  const places = minorUnits(currency);
  const rounded = new Money(amount).toDecimalPlaces(places, Money.ROUND_HALF_EVEN);
  // Rounding a tiny negative to zero must not print "-0.00".
  return (rounded.isZero() ? new Money(0) : rounded).toFixed(places);
}

/**
 * Writes an exact amount with at least the currency's minor-unit decimals and never rounds: amounts
 * that are sums or differences of stored amounts are already exact, and rounding them again would be
 * a second rounding.
 */
export function formatExact(amount: Money | string, currency: string): string {
  const value = new Money(amount);
  const places = Math.max(minorUnits(currency), value.decimalPlaces());
  return (value.isZero() ? new Money(0) : value).toFixed(places);
}

/** Sum of decimal strings, exact. */
export function sumAmounts(amounts: readonly string[]): Money {
  return amounts.reduce((total, amount) => total.plus(amount), new Money(0));
}
