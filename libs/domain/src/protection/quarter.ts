import { toIso } from '../shared/time';

/** A calendar quarter named `YYYY-Qn` (`2026-Q3`), the period of a protected-accounts list. */
const QUARTER = /^([0-9]{4})-Q([1-4])$/;

export function isQuarter(text: string): boolean {
  return QUARTER.test(text);
}

/** The quarter as a half-open UTC interval: `start` ≤ t < `end` (end = start of the next quarter). */
export function quarterBounds(quarter: string): { start: string; end: string } {
  const match = QUARTER.exec(quarter);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const firstMonth = (Number(match[2]) - 1) * 3;
  return { start: toIso(Date.UTC(year, firstMonth, 1)), end: toIso(Date.UTC(year, firstMonth + 3, 1)) };
}

/** `YYYY-Qn` strings order chronologically as plain strings; this names that intent. */
export function isQuarterAtOrBefore(quarter: string, other: string): boolean {
  return quarter <= other;
}
