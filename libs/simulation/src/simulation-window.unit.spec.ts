import { isInWindow, normaliseInstant, parseWindow } from './simulation-window';

describe('the simulation window [from, to)', () => {
  it('normalises instants with any offset to UTC with milliseconds', () => {
    expect(normaliseInstant('2026-03-01T10:00:00+02:00')).toBe('2026-03-01T08:00:00.000Z');
    expect(normaliseInstant('2026-03-01T10:00-0130')).toBe('2026-03-01T11:30:00.000Z');
    expect(normaliseInstant('2026-03-01T10:00:00.1234Z')).toBe('2026-03-01T10:00:00.123Z');
  });

  it('refuses dates alone, missing offsets and calendar days that do not exist', () => {
    expect(normaliseInstant('2026-03-01')).toBeNull();
    expect(normaliseInstant('2026-03-01T10:00:00')).toBeNull();
    expect(normaliseInstant('2026-02-30T10:00:00Z')).toBeNull();
    expect(normaliseInstant('2026-02-28T24:00:00Z')).toBeNull();
    expect(normaliseInstant(20260301)).toBeNull();
  });

  it('includes `from` and excludes `to`', () => {
    const window = parseWindow('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(isInWindow(window, '2026-03-01T00:00:00.000Z')).toBe(true);
    expect(isInWindow(window, '2026-03-31T23:59:59.999Z')).toBe(true);
    expect(isInWindow(window, '2026-04-01T00:00:00.000Z')).toBe(false);
    expect(isInWindow(window, '2026-02-28T23:59:59.999Z')).toBe(false);
  });

  it('refuses an empty or reversed window and names both bad ends', () => {
    expect(() => parseWindow('2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z')).toThrow(
      '--from (2026-04-01T00:00:00.000Z) must be before --to (2026-04-01T00:00:00.000Z)',
    );
    expect(() => parseWindow('yesterday', '2026-13-01T00:00:00Z')).toThrow(
      /--from must be an ISO-8601 instant.*\n--to must be an ISO-8601 instant/s,
    );
  });
});
