import fc from 'fast-check';
import {
  BAD_AMOUNTS,
  HOMOGLYPHS,
  HUGE_STRING,
  SQL_STRINGS,
  UNICODE_TRICKS,
  wrongTypesFor,
} from './hostile-values';
import { exampleBody, type Field } from './route-inputs';

/** Field kinds whose every valid value is ASCII in a fixed format: any trick makes them invalid. */
const STRICT_KINDS = new Set(['id', 'enum', 'instant', 'quarter', 'code', 'amount', 'token']);

/** A body with one bad field. */
export type BadBody = Record<string, unknown>;

/** `text` with a trick character inserted, or one letter swapped for its look-alike. */
export function tricked(text: string): fc.Arbitrary<string> {
  const swappable = [...text].flatMap((char, i) => (HOMOGLYPHS[char] ? [i] : []));
  const insert = fc
    .tuple(fc.constantFrom(...UNICODE_TRICKS), fc.nat({ max: text.length }))
    .map(([trick, at]) => text.slice(0, at) + trick + text.slice(at));
  if (swappable.length === 0) return insert;
  const swap = fc.constantFrom(...swappable).map((i) => {
    const chars = [...text];
    chars[i] = HOMOGLYPHS[chars[i]!]!;
    return chars.join('');
  });
  return fc.oneof(insert, swap);
}

const anyJson = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ nested: true }),
);

/**
 * Every way the fuzzer breaks one field of a body, for the fields `fields` describes. Each mutation
 * leaves the rest of the body at its valid example, so the one bad field is what must be refused.
 */
export function fieldMutations(fields: readonly Field[]): [string, fc.Arbitrary<BadBody>][] {
  const base = exampleBody(fields);
  const withField = (field: Field, value: unknown): BadBody => ({ ...base, [field.name]: value });
  const strict = fields.filter((f) => STRICT_KINDS.has(f.kind) && typeof f.example === 'string');
  const amounts = fields.filter((f) => f.kind === 'amount');
  const texts = fields.filter((f) => f.kind === 'text' && typeof f.example === 'string');
  const required = fields.filter((f) => f.required);
  const objects = fields.filter((f) => f.kind === 'object' && isObject(f.example));
  const known = new Set(fields.map((f) => f.name));
  const out: [string, fc.Arbitrary<BadBody>][] = [];

  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    out.push(
      [
        'field.wrongType',
        field.chain((f) => fc.constantFrom(...wrongTypesFor(f.type)).map((v) => withField(f, v))),
      ],
      ['field.huge', field.map((f) => withField(f, HUGE_STRING))],
    );
  }
  if (required.length > 0)
    out.push([
      'field.missing',
      fc.constantFrom(...required).map((f) => {
        const { [f.name]: _dropped, ...rest } = base;
        return rest;
      }),
    ]);
  if (strict.length > 0) {
    const field = fc.constantFrom(...strict);
    out.push(
      [
        'field.unicode',
        field.chain((f) => tricked(f.example as string).map((v) => withField(f, v))),
      ],
      [
        'field.sql',
        field.chain((f) => fc.constantFrom(...SQL_STRINGS).map((v) => withField(f, v))),
      ],
    );
  }
  if (amounts.length > 0)
    out.push([
      'field.amount',
      fc
        .tuple(fc.constantFrom(...amounts), fc.constantFrom(...BAD_AMOUNTS))
        .map(([f, v]) => withField(f, v)),
    ]);
  out.push([
    'field.unknown',
    fc
      .tuple(
        fc.oneof(
          fc.string({ minLength: 0, maxLength: 24 }),
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'isAdmin', 'role', '$where'),
          fc.constantFrom(...fields.map((f) => `${f.name} `), 'partnerid', 'PartnerId'),
        ),
        anyJson,
      )
      .filter(([name]) => !known.has(name))
      // Through JSON, so `__proto__` becomes an own field as it does in a parsed request.
      .map(([name, value]) => ({ ...base, ...JSON.parse(JSON.stringify({ [name]: value })) })),
  ]);
  if (texts.length > 0) out.push(['field.textPoison', textPoison(fields, base, texts)]);
  if (objects.length > 0)
    out.push([
      'field.nested',
      fc
        .tuple(fc.constantFrom(...objects), fc.constantFrom(...BAD_AMOUNTS, { extra: 1 }, null))
        .chain(([f, value]) =>
          fc
            .constantFrom(...leafPaths(f.example as object))
            .map((path) => withField(f, replaceAt(f.example as object, path, value))),
        ),
    ]);
  return out;
}

/**
 * A NUL or a lone surrogate in free text: harmless to validation, but no PostgreSQL text can hold
 * it, so the ledger must refuse it before anything is appended. The body's first id is made fresh,
 * so the command would otherwise be new and the refusal has to come from the store's guard.
 */
function textPoison(
  fields: readonly Field[],
  base: BadBody,
  texts: readonly Field[],
): fc.Arbitrary<BadBody> {
  const ownId = fields.find((f) => f.kind === 'id');
  return fc
    .tuple(
      fc.constantFrom(...texts),
      fc.constantFrom('\u0000', '\ud800', '\udfff'),
      fc.nat({ max: 1_000_000 }),
    )
    .map(([field, poison, n]) => ({
      ...base,
      ...(ownId ? { [ownId.name]: `fz_${n}` } : {}),
      [field.name]: `${field.example as string}${poison}`,
    }));
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function leafPaths(value: object, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, child]) =>
    isObject(child) ? leafPaths(child, [...prefix, key]) : [[...prefix, key]],
  );
}

function replaceAt(value: object, path: string[], leaf: unknown): object {
  const [head, ...rest] = path;
  const copy = { ...(value as Record<string, unknown>) };
  copy[head!] = rest.length === 0 ? leaf : replaceAt(copy[head!] as object, rest, leaf);
  return copy;
}
