import { toMs } from '@ledger/domain/shared/time';

/**
 * The payments a simulation re-prices: those whose business time (`occurredAt`) is in
 * `[from, to)`. Both ends are ISO-8601 UTC with milliseconds, as the ledger stores instants.
 */
export interface SimulationWindow {
  from: string;
  to: string;
}

/** Thrown for input a person typed wrong (a plan file, a window); the message says what to fix. */
export class SimulationInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'SimulationInputError';
  }
}

/**
 * ISO-8601 date-time with a time and an offset (`Z`, `+02:00`, `+0200`), seconds and fraction
 * optional: the same form the HTTP API accepts. A date alone is ambiguous by hours, so it is refused.
 */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The instant in the ledger's stored form (`2026-03-01T10:00:00.000Z`), or null when `value` is not
 * a real instant with an offset. A date that `Date` would roll over (`2026-02-30`) is refused:
 * its calendar fields must survive the round trip.
 */
export function normaliseInstant(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = INSTANT.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00', fraction = '', offset] = match;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const zone = offset === 'Z' ? 'Z' : `${offset!.slice(0, 3)}:${offset!.slice(-2)}`;
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${zone}`);
  if (Number.isNaN(ms)) return null;
  // Date.parse accepts 2026-02-30 as 2 March; compare the calendar day as written in its own offset.
  const offsetMs =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) *
        60_000;
  const local = new Date(ms + offsetMs);
  const sameCalendar =
    local.getUTCFullYear() === Number(year) &&
    local.getUTCMonth() + 1 === Number(month) &&
    local.getUTCDate() === Number(day) &&
    local.getUTCHours() === Number(hour) &&
    local.getUTCMinutes() === Number(minute) &&
    local.getUTCSeconds() === Number(second);
  return sameCalendar ? new Date(ms).toISOString() : null;
}

/** Validates `--from` and `--to`: two instants with offsets, `from` strictly before `to`. */
export function parseWindow(from: unknown, to: unknown): SimulationWindow {
  const problems: string[] = [];
  const fromIso = normaliseInstant(from);
  const toIso = normaliseInstant(to);
  if (fromIso === null)
    problems.push(
      `--from must be an ISO-8601 instant with an offset (e.g. 2026-01-01T00:00:00Z), got ${JSON.stringify(from)}`,
    );
  if (toIso === null)
    problems.push(
      `--to must be an ISO-8601 instant with an offset (e.g. 2026-04-01T00:00:00Z), got ${JSON.stringify(to)}`,
    );
  if (fromIso !== null && toIso !== null && toMs(fromIso) >= toMs(toIso)) {
    problems.push(`--from (${fromIso}) must be before --to (${toIso}): the window is [from, to)`);
  }
  if (problems.length > 0) throw new SimulationInputError(problems);
  return { from: fromIso!, to: toIso! };
}

/** True when the instant is inside the window, `from` included and `to` excluded. */
export function isInWindow(window: SimulationWindow, at: string): boolean {
  const ms = toMs(at);
  return ms >= toMs(window.from) && ms < toMs(window.to);
}
