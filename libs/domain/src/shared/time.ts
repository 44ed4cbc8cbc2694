/** Milliseconds in one day of UTC time (UTC has no daylight saving). */
export const DAY_MS = 86_400_000;

export function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${iso}`);
  return ms;
}

/** ISO-8601 UTC with milliseconds, the one form instants are stored in. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Complete 24-hour periods from `from` to `to` (negative when `to` is earlier). "Within N days"
 * means `wholeDaysBetween(a, b) <= N`.
 */
export function wholeDaysBetween(from: string, to: string): number {
  return Math.floor((toMs(to) - toMs(from)) / DAY_MS);
}

export function addDays(iso: string, days: number): string {
  return toIso(toMs(iso) + days * DAY_MS);
}

/** `iso` plus whole calendar months, in UTC (Jan 31 + 1 month = Mar 3 in a common year, as JS does). */
export function addMonthsUtc(iso: string, months: number): string {
  const d = new Date(toMs(iso));
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}

/** 00:00 UTC on the first day of the month after the one containing `iso`. */
export function firstOfNextMonthUtc(iso: string): string {
  const d = new Date(toMs(iso));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString();
}

export function isBefore(a: string, b: string): boolean {
  return toMs(a) < toMs(b);
}
