export { isKnownCurrency, minorUnits, KNOWN_CURRENCIES } from './currencies';
export {
  Money,
  InvalidAmountError,
  isDecimalString,
  parseAmount,
  decimalPlacesOf,
  fitsMinorUnits,
  roundToMinor,
  formatExact,
  sumAmounts,
} from './money';
