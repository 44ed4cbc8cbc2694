import { spread } from './commit-lanes';

describe('spreading projections over commit lanes', () => {
  const cost = (name: string) =>
    ({ timeline: 90, attribution: 30, journal: 25, funnel: 10, holds: 0 })[name] ?? 0;

  it('puts the costliest first, each onto the least loaded lane', () => {
    const lanes = spread(['holds', 'journal', 'timeline', 'funnel', 'attribution'], 2, cost);
    expect(lanes).toEqual([['timeline'], ['attribution', 'journal', 'funnel', 'holds']]);
  });

  it('gives every projection exactly one lane, and drops lanes left empty', () => {
    const lanes = spread(['a', 'b'], 4, () => 1);
    expect(lanes).toEqual([['a'], ['b']]);
    expect(spread(['a', 'b', 'c'], 1, cost)).toEqual([['a', 'b', 'c']]);
  });
});
