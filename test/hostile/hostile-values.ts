/**
 * The hostile inputs the fuzzer draws from. Every value in a list is invalid wherever the list is
 * used: the fuzzer's claim is that each request it sends must be refused, so a value that might be
 * legitimate in that place (an RTL mark in a partner's display name is) does not belong here.
 */

/** A JSON token written verbatim into a body: `NaN`, `1e400`, `-0` are not JSON values in JS. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** 100 KB of text: far past every length limit (ids 128, amounts 40, free text 2,000). */
export const HUGE_STRING = 'A'.repeat(100 * 1024);

/** Characters that make an id look like another, or hide or break text. */
export const UNICODE_TRICKS = [
  '\u202e', // right-to-left override
  '\u200d', // zero-width joiner
  '\u200b', // zero-width space
  '\ufeff', // byte-order mark
  '\u0000', // NUL
  '\ud800', // lone high surrogate
  '\udc00', // lone low surrogate
  '\u0301', // combining acute accent
  '\u00a0', // no-break space
  '\n',
  '🎉',
] as const;

/** Latin letters and a look-alike from another script. */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: '\u0430', // Cyrillic а
  c: '\u0441', // Cyrillic с
  e: '\u0435', // Cyrillic е
  o: '\u03bf', // Greek ο
  p: '\u0440', // Cyrillic р
  x: '\u0445', // Cyrillic х
  A: '\u0391', // Greek Α
  S: '\u0405', // Cyrillic Ѕ
  D: '\u216e', // Roman numeral Ⅾ
  U: '\u222a', // union ∪
  '1': '\u0661', // Arabic-Indic digit one
  '0': '\uff10', // fullwidth zero
};

/** SQL-looking text; never valid where it is put (ids, codes, dates, tokens). */
export const SQL_STRINGS = [
  "' OR '1'='1",
  "p_acme'; DROP TABLE ledger.events; --",
  '1; SELECT pg_sleep(10) --',
  '" OR 1=1 --',
  "admin'--",
  "%' UNION SELECT key, role FROM api_keys --",
  '$$; DELETE FROM events; $$',
  "acc_1\\'; TRUNCATE streams CASCADE; --",
  '1) OR (SELECT count(*) FROM pg_catalog.pg_tables) > 0 --',
  '${jndi:ldap://x}',
] as const;

/** Amounts that look like money to someone: every one is refused by the decimal-string rule. */
export const BAD_AMOUNTS: readonly unknown[] = [
  new RawJson('NaN'),
  new RawJson('Infinity'),
  new RawJson('-Infinity'),
  new RawJson('1e400'),
  new RawJson('-0'),
  new RawJson('1200.50'),
  new RawJson('0'),
  'NaN',
  'Infinity',
  '1e400',
  '-0',
  '1e3',
  ' 1.00',
  '1.00 ',
  '1,00',
  '+1.00',
  '0x10',
  '1.',
  '.5',
  '00012',
  '1.0.0',
  '-5.00',
  '١٢٣',
  '１２',
  '1_000',
  '',
  '9'.repeat(41),
];

/** Values of the wrong JSON type for a field of `type`. */
export function wrongTypesFor(type: string | undefined): unknown[] {
  const all: Record<string, unknown> = {
    string: 'text',
    number: 3.5,
    integer: 7,
    boolean: true,
    null: null,
    array: ['a', 1],
    object: { nested: 'object' },
  };
  const keep = (name: string) => {
    if (type === 'string') return name !== 'string';
    if (type === 'number' || type === 'integer') return name !== 'number' && name !== 'integer';
    if (type === 'array') return name !== 'array';
    if (type === 'object') return name !== 'object';
    return true;
  };
  return Object.entries(all)
    .filter(([name]) => keep(name))
    .map(([, value]) => value);
}

/** Text that JSON.parse refuses, whatever precedes or follows it. */
export const MALFORMED_JSON = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":1}{"b":2}',
  '{"a":1 /* comment */}',
  '{"a":undefined}',
  '{"a":0x10}',
  '{"a":"unterminated}',
  '{"a":"\\x41"}',
  '[1,2',
  'null',
  '"a string"',
  '42',
  'true',
  '{"a":1}garbage',
  '\u0000',
] as const;

/** Content types that are not JSON, sent with a JSON-looking body. */
export const NOT_JSON_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'text/html',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
] as const;

/** `depth` nested objects, as text: JSON.stringify would itself overflow on such a value. */
export function deepJson(depth: number, leaf = '1'): string {
  return '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);
}

/** `depth` nested arrays, as text. */
export function deepArray(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** JSON text of `value`, writing each {@link RawJson} token verbatim. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return v;
  });
  return text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]!);
}

/**
 * Percent-encodes text for a path or query, byte by byte from its UTF-8, except lone surrogates
 * (which UTF-8 cannot hold): those are written as the invalid three-byte sequence a careless
 * encoder would produce, so the server meets them too.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else if (/^[A-Za-z0-9_.~-]$/.test(char)) {
      out += char;
    } else {
      out += [...Buffer.from(char, 'utf8')]
        .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('');
    }
  }
  return out;
}
