import { isDecimalString, isKnownCurrency, minorUnits, Money } from '@ledger/domain/money';
import { MAX_AMOUNT_LENGTH } from './field-formats';

/** The most decimals any currency the ledger knows has (BHD, KWD… have 3). */
const MAX_MINOR_UNITS = 3;

export interface AmountRule {
  /** `true` for amounts of money moved (must be > 0); `false` for costs that may be zero. */
  positive: boolean;
  /** The sibling field naming the currency; without one, only the widest minor unit is enforced. */
  currencyField?: string;
}

/**
 * Why `value` is not an acceptable amount, or null when it is. Money arrives only as a JSON string
 * in plain decimal notation: a JSON number has already been through a binary float, and exponent
 * notation (`1e3`) hides how many decimals were meant.
 */
export function amountProblem(
  value: unknown,
  rule: AmountRule,
  siblings: Record<string, unknown>,
): string | null {
  if (typeof value === 'number')
    return 'must be a decimal string such as "1200.50", not a JSON number';
  if (
    typeof value !== 'string' ||
    value.length > MAX_AMOUNT_LENGTH ||
    !isDecimalString(value) ||
    value.startsWith('-')
  ) {
    return 'must be a decimal string of digits with an optional fraction, such as "1200.50" (no sign, exponent or leading zeros)';
  }
  if (rule.positive && new Money(value).isZero()) return 'must be greater than zero';
  const currency = rule.currencyField === undefined ? undefined : siblings[rule.currencyField];
  // An unknown currency gets its own error on its own field.
  if (typeof currency === 'string' && isKnownCurrency(currency)) {
    const places = minorUnits(currency);
    if (decimals(value) > places) return `has more decimals than ${currency} allows (${places})`;
  } else if (rule.currencyField === undefined && decimals(value) > MAX_MINOR_UNITS) {
    return `has more than ${MAX_MINOR_UNITS} decimals, more than any currency allows`;
  }
  return null;
}

/** Why `value` is not a rate (a decimal string in [0, 1]), or null. */
export function rateProblem(value: unknown): string | null {
  if (typeof value === 'number')
    return 'must be a decimal string such as "0.10", not a JSON number';
  if (
    typeof value !== 'string' ||
    value.length > MAX_AMOUNT_LENGTH ||
    !isDecimalString(value) ||
    value.startsWith('-')
  ) {
    return 'must be a decimal string such as "0.10"';
  }
  if (new Money(value).gt(1)) return 'must be between 0 and 1';
  return null;
}

function decimals(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}
