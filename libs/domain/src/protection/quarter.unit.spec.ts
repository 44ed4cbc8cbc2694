import { isQuarter, quarterBounds } from './quarter';

describe('quarters', () => {
  it.each([
    ['2026-Q1', '2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    ['2026-Q3', '2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z'],
    ['2026-Q4', '2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('%s runs from %s up to %s (UTC)', (quarter, start, end) => {
    expect(quarterBounds(quarter)).toEqual({ start, end });
  });

  it.each(['2026-Q0', '2026-Q5', '26-Q1', '2026Q1', '2026-q1', ' 2026-Q1'])('rejects %p', (text) => {
    expect(isQuarter(text)).toBe(false);
    expect(() => quarterBounds(text)).toThrow('not a quarter');
  });
});
