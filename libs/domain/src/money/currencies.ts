/**
 * ISO 4217 minor units: how many decimal places an amount in a currency has. Every derived amount is
 * rounded once to this many places (SPEC §4 "Money and the journal"). The list covers the currencies
 * partner programmes bill in; adding one is a one-line change here.
 */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  // Two decimals (cents, pence, öre, …).
  USD: 2, EUR: 2, GBP: 2, CAD: 2, AUD: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2,
  CZK: 2, HUF: 2, INR: 2, BRL: 2, MXN: 2, ZAR: 2, SGD: 2, HKD: 2, NZD: 2, CNY: 2,
  ILS: 2, AED: 2, SAR: 2, TRY: 2, THB: 2, MYR: 2, PHP: 2, IDR: 2, TWD: 2, RON: 2,
  BGN: 2, COP: 2, ARS: 2, PEN: 2, EGP: 2, NGN: 2, KES: 2, PKR: 2, QAR: 2, UAH: 2,
  // No minor unit.
  JPY: 0, KRW: 0, ISK: 0, CLP: 0, VND: 0, PYG: 0, UGX: 0, XAF: 0, XOF: 0,
  // Three decimals (fils, baisa, millimes, …).
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, IQD: 3, LYD: 3,
};

/** True for an ISO 4217 code the ledger knows the minor unit of (upper case, as stored). */
export function isKnownCurrency(currency: string): boolean {
  return Object.prototype.hasOwnProperty.call(MINOR_UNITS, currency);
}

/**
 * Decimal places of `currency`'s minor unit (USD 2, JPY 0, BHD 3). An unknown currency is a broken
 * invariant here: the HTTP edge refuses it before any rule runs.
 */
export function minorUnits(currency: string): number {
  if (!isKnownCurrency(currency)) throw new Error(`unknown currency: ${currency}`);
  return MINOR_UNITS[currency]!;
}

/** Every known currency code, sorted (for validation messages and OpenAPI enums). */
export const KNOWN_CURRENCIES: readonly string[] = Object.keys(MINOR_UNITS).sort();
