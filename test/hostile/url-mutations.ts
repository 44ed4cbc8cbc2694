import fc from 'fast-check';
import type { Shot } from './bad-requests';
import { tricked } from './field-mutations';
import { HUGE_STRING, percentEncode, SQL_STRINGS } from './hostile-values';
import type { Field } from './route-inputs';

/**
 * Bad `:id` path segments. Each value is written already percent-encoded (or deliberately
 * mis-encoded), so the server meets exactly these bytes.
 */
export function pathShots(id: Field): [string, fc.Arbitrary<Shot>][] {
  const example = String(id.example);
  const maxLength = id.maxLength ?? 128;
  return [
    ['path.unicode', tricked(example).map((v) => ({ id: percentEncode(v) }))],
    ['path.sql', fc.constantFrom(...SQL_STRINGS).map((v) => ({ id: percentEncode(v) }))],
    ['path.huge', fc.constant({ id: HUGE_STRING })],
    [
      'path.badEncoding',
      fc
        .constantFrom('%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF', `${example}%`)
        .map((v) => ({ id: v })),
    ],
    [
      'path.slash',
      fc
        .constantFrom('..%2F..%2Fetc%2Fpasswd', `${example}%2Fx`, '%2E%2E%2F', `${example}%5C..`)
        .map((v) => ({ id: v })),
    ],
    [
      'path.tooLong',
      fc.integer({ min: maxLength + 1, max: 2000 }).map((n) => ({ id: 'a'.repeat(n) })),
    ],
  ];
}

/** Values no query parameter of that kind accepts. */
function badQueryValues(field: Field): fc.Arbitrary<string> {
  const example = typeof field.example === 'string' ? field.example : '2026-01-01T00:00:00Z';
  const common = fc.oneof(fc.constantFrom(...SQL_STRINGS), tricked(example), fc.constant(''));
  if (field.kind === 'id')
    return fc.oneof(
      common,
      fc.constantFrom('a b', 'x'.repeat(129), 'p/1', 'p%1', 'p\\1', 'p_ünïcode'),
    );
  if (field.kind === 'integer')
    return fc.oneof(
      common,
      fc.constantFrom(
        'abc',
        '1.5',
        '0',
        '-1',
        '1e3',
        'Infinity',
        'NaN',
        String((field.maximum ?? 1000) + 1),
        '0x10',
        ' 5',
        '99999999999',
      ),
    );
  if (field.kind === 'instant')
    return fc.oneof(
      common,
      fc.constantFrom(
        'NaN',
        'yesterday',
        '2026-02-30T00:00:00Z',
        '2026-01-01',
        '2026-01-01T00:00:00',
        '1e400',
        '2026-13-01T00:00:00Z',
        '2026-01-01T24:00:00Z',
        '+275760-09-13T00:00:00Z',
      ),
    );
  return fc.oneof(
    common,
    fc.constantFrom(
      'abc',
      '1:2:3',
      '-1:5',
      '1e3:1',
      ':',
      '99999999999999999999:1',
      '1:9223372036854775808',
      'x'.repeat(201),
      '%00',
    ),
  );
}

export function queryShots(fields: readonly Field[]): [string, fc.Arbitrary<Shot>][] {
  const field = fc.constantFrom(...fields);
  // Both name and value arrive encoded: known names are plain ASCII, generated ones are encoded here.
  const one = (name: string, value: string) => `${name}=${value}`;
  return [
    [
      'query.badValue',
      field.chain((f) => badQueryValues(f).map((v) => ({ query: one(f.name, percentEncode(v)) }))),
    ],
    ['query.repeated', field.map((f) => ({ query: `${one(f.name, '1')}&${one(f.name, '2')}` }))],
    [
      'query.unknown',
      fc
        .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 12 }))
        .filter(([name]) => !fields.some((f) => f.name === name))
        .map(([name, value]) => ({ query: one(percentEncode(name), percentEncode(value)) })),
    ],
    ['query.huge', field.map((f) => ({ query: one(f.name, HUGE_STRING) }))],
    [
      'query.badEncoding',
      field.chain((f) =>
        fc
          .constantFrom('%', '%E0%A4%A', '%ED%A0%80', '%FF%FE')
          .map((v) => ({ query: one(f.name, v) })),
      ),
    ],
  ];
}
