import fc from 'fast-check';
import { canonicalJson } from './hashing';
import type { JsonValue } from './port';
import { canonicalJsonOf } from './json-guard';

function problemOf(value: unknown): string {
  const result = canonicalJsonOf(value, 'data');
  if (!('problem' in result)) throw new Error(`expected a problem, got ${result.json}`);
  return result.problem;
}

/** [1, <hole>, 3], built without a sparse literal. */
function holey(): unknown[] {
  const list: unknown[] = [1];
  list[2] = 3;
  return list;
}

describe('canonicalJsonOf', () => {
  test('writes exactly what hashing.ts canonicalJson writes, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue() as fc.Arbitrary<JsonValue>, (value) => {
        expect(canonicalJsonOf(value, 'data')).toEqual({ json: canonicalJson(value) });
      }),
      { numRuns: 1000 },
    );
  });

  test('writes what canonicalJson writes when keys look like array indexes or __proto__', () => {
    const key = fc.oneof(
      fc.constantFrom('0', '1', '10', '4294967295', '__proto__', '01'),
      fc.string(),
    );
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        fc.array(tie('json'), { maxLength: 4 }),
        fc.dictionary(key, tie('json'), { maxKeys: 5 }),
      ),
    })).json as fc.Arbitrary<JsonValue>;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJsonOf(v, 'data')).toEqual({ json: canonicalJson(v) });
      }),
      { numRuns: 1000 },
    );
  });

  test('keys are sorted at every depth, whatever order they were written in', () => {
    expect(canonicalJsonOf({ b: 1, a: { d: [2, { z: null, y: true }], c: 'x' } }, 'data')).toEqual({
      json: '{"a":{"c":"x","d":[2,{"y":true,"z":null}]},"b":1}',
    });
  });

  test.each([
    ['undefined', { a: undefined }, 'data.a: a undefined is not JSON'],
    ['a function', { f: () => 1 }, 'data.f: a function is not JSON'],
    ['NaN', { n: [1, NaN] }, 'data.n[1]: NaN is not a JSON number'],
    ['a BigInt', { n: 1n }, 'data.n: a bigint is not JSON'],
    ['a Date', { at: new Date(0) }, 'data.at: only plain objects are JSON (got Date)'],
    ['a hole', { list: holey() }, 'data.list[1]: arrays must not have holes'],
    ['a NUL character', { s: 'a\u0000b' }, 'data.s: contains a \\u0000 character'],
    ['a lone surrogate', { s: 'a\uD800' }, 'data.s: contains an unpaired surrogate'],
    ['a NUL in a key', { 'k\u0000': 1 }, 'data.k\u0000: key contains a \\u0000 character'],
  ])('refuses %s, naming where it is', (_name, value, problem) => {
    expect(problemOf(value)).toBe(problem);
  });

  test('sorts keys as text even where JavaScript would list them first (array-index-like keys)', () => {
    expect(canonicalJsonOf({ b: 1, '10': 2, '9': [{ '2': 'x', a: 'y' }], a: 0 }, 'data')).toEqual({
      json: '{"10":2,"9":[{"2":"x","a":"y"}],"a":0,"b":1}',
    });
  });

  test('keeps a __proto__ key as data', () => {
    const parsed = JSON.parse('{"z":1,"__proto__":{"polluted":true}}') as unknown;
    expect(canonicalJsonOf(parsed, 'data')).toEqual({
      json: '{"__proto__":{"polluted":true},"z":1}',
    });
  });

  test('refuses cyclic data instead of recursing forever', () => {
    const node: Record<string, unknown> = {};
    node.self = node;
    expect(problemOf(node)).toMatch(/nested deeper than 64 levels \(or cyclic\)/);
  });

  test('accepts a well-formed surrogate pair and a null-prototype object', () => {
    const bare = Object.assign(Object.create(null) as object, { emoji: '😀' });
    expect(canonicalJsonOf(bare, 'data')).toEqual({ json: '{"emoji":"😀"}' });
  });
});
