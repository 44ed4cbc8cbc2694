import Decimal from 'decimal.js';
import { isKnownCurrency, minorUnits } from './currencies';
import { InvalidAmountError, Money, fitsMinorUnits, formatExact, isDecimalString, parseAmount, roundToMinor, sumAmounts } from './money';

describe('minor units (ISO 4217)', () => {
  it.each(['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'INR', 'BRL', 'MXN', 'ZAR', 'SGD', 'HKD', 'NZD', 'CNY'])(
    '%s has 2 decimals',
    (currency) => expect(minorUnits(currency)).toBe(2),
  );
  it.each(['JPY', 'KRW', 'ISK', 'CLP', 'VND'])('%s has no minor unit', (currency) => expect(minorUnits(currency)).toBe(0));
  it.each(['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD'])('%s has 3 decimals', (currency) => expect(minorUnits(currency)).toBe(3));

  it('knows only upper-case ISO codes and no prototype keys', () => {
    expect(isKnownCurrency('USD')).toBe(true);
    expect(isKnownCurrency('usd')).toBe(false);
    expect(isKnownCurrency('XXX')).toBe(false);
    expect(isKnownCurrency('toString')).toBe(false);
    expect(() => minorUnits('XXX')).toThrow('unknown currency');
  });
});

describe('parseAmount', () => {
  it.each(['0', '1234.56', '-12.5', '0.001', '10'])('accepts the decimal string %s exactly', (text) => {
    expect(parseAmount(text).toFixed()).toBe(new Money(text).toFixed());
    expect(isDecimalString(text)).toBe(true);
  });

  it.each([[12.5], ['1e3'], ['1E-2'], ['1.'], ['.5'], ['+1'], [' 1'], ['1,5'], ['01'], ['NaN'], ['Infinity'], [''], [null]])(
    'refuses %p',
    (input) => {
      expect(() => parseAmount(input)).toThrow(InvalidAmountError);
      expect(isDecimalString(input)).toBe(false);
    },
  );

  it('keeps precision a float would lose', () => {
    expect(parseAmount('0.1').plus(parseAmount('0.2')).toFixed()).toBe('0.3');
    expect(parseAmount('12345678901234567890.12').plus('0.01').toFixed()).toBe('12345678901234567890.13');
  });
});

describe('roundToMinor: one half-even rounding to the minor unit', () => {
  it.each([
    ['999.999', 'USD', '1000.00'],
    ['0.125', 'USD', '0.12'],
    ['0.135', 'USD', '0.14'],
    ['0.145', 'USD', '0.14'],
    ['0.1251', 'USD', '0.13'],
    ['-0.125', 'USD', '-0.12'],
    ['-0.001', 'USD', '0.00'],
    ['1000', 'USD', '1000.00'],
    ['1234.5', 'JPY', '1234'],
    ['1235.5', 'JPY', '1236'],
    ['0.125', 'BHD', '0.125'],
    ['0.1245', 'BHD', '0.124'],
    ['0.1255', 'BHD', '0.126'],
  ])('%s %s → %s', (amount, currency, expected) => {
    expect(roundToMinor(amount, currency)).toBe(expected);
  });

  it('rounds the exact product, not an intermediate: 9999.99 × 10% → "1000.00"', () => {
    expect(roundToMinor(new Money('9999.99').times('0.10'), 'USD')).toBe('1000.00');
  });

  it('is not affected by the global decimal.js configuration', () => {
    const global = { rounding: Decimal.rounding, precision: Decimal.precision };
    Decimal.set({ rounding: Decimal.ROUND_UP, precision: 3 });
    try {
      const product = new Money('9999.99').times('0.0125'); // 124.999875: needs more than 3 digits
      expect(product.toFixed()).toBe('124.999875');
      expect(roundToMinor('0.125', 'USD')).toBe('0.12');
    } finally {
      Decimal.set(global);
    }
  });
});

describe('exact formatting and sums', () => {
  it('pads to the minor unit but never rounds', () => {
    expect(formatExact('99.5', 'USD')).toBe('99.50');
    expect(formatExact('0.125', 'USD')).toBe('0.125');
    expect(formatExact('1200', 'JPY')).toBe('1200');
  });

  it('sums decimal strings exactly', () => {
    expect(sumAmounts(['0.10', '0.20', '0.30']).toFixed(2)).toBe('0.60');
    expect(sumAmounts([]).isZero()).toBe(true);
  });

  it('checks decimals against the currency', () => {
    expect(fitsMinorUnits('10.00', 'USD')).toBe(true);
    expect(fitsMinorUnits('10.001', 'USD')).toBe(false);
    expect(fitsMinorUnits('10.5', 'JPY')).toBe(false);
    expect(fitsMinorUnits('10.125', 'BHD')).toBe(true);
  });
});
