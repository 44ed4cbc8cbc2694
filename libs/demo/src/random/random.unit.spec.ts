import { Random } from './random';

const draws = (random: Random, n: number) => Array.from({ length: n }, () => random.next());

describe('Random (seeded mulberry32)', () => {
  it('gives the same sequence for the same seed and another one for another seed', () => {
    expect(draws(new Random(42), 50)).toEqual(draws(new Random(42), 50));
    expect(draws(new Random(42), 50)).not.toEqual(draws(new Random(43), 50));
  });

  it('keeps seeds above 2^32 apart from their low half', () => {
    expect(draws(new Random(2 ** 32 + 7), 5)).not.toEqual(draws(new Random(7), 5));
  });

  it('stays in range: next in [0, 1), int within its bounds, pareto within [1, cap]', () => {
    const random = new Random(1);
    for (let i = 0; i < 10_000; i++) {
      const u = random.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = random.int(3, 5);
      expect([3, 4, 5]).toContain(k);
      const p = random.pareto(1.16, 50);
      expect(p >= 1 && p <= 50).toBe(true);
    }
  });

  it('picks by weight in proportion', () => {
    const random = new Random(7);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 20_000; i++) counts[random.weighted({ a: 0.8, b: 0.2 })]++;
    expect(counts.a / 20_000).toBeCloseTo(0.8, 1);
  });

  it('draws a power law whose top fifth holds most of the mass', () => {
    const random = new Random(3);
    const values = Array.from({ length: 5000 }, () => random.pareto(1.16, 10_000)).sort((a, b) => b - a);
    const total = values.reduce((a, b) => a + b, 0);
    const top = values.slice(0, 1000).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.65);
  });

  it('refuses a seed that is not a non-negative integer', () => {
    expect(() => new Random(-1)).toThrow(/non-negative integer/);
    expect(() => new Random(1.5)).toThrow(/non-negative integer/);
  });
});
