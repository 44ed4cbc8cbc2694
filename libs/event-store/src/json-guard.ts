import { canonicalJson } from './hashing';
import type { JsonValue } from './port';

/**
 * Checks that a value can be stored as jsonb and hashed the same way after the round trip, and
 * writes its canonical JSON in the same walk. JSON.stringify would silently drop or rewrite most
 * of what is refused here (undefined, NaN, holes, Dates, cycles), and PostgreSQL refuses the rest
 * (`\u0000`, lone surrogates): each would fail deep inside the write or break the hash chain on
 * the next verify.
 *
 * The output is exactly hashing.ts `canonicalJson` (keys sorted at every depth, no white space);
 * `json-guard.unit.spec.ts` holds the two equal for arbitrary JSON. Appends validate every event
 * anyway, so producing the canonical form here saves the hash a second walk over the data.
 */
export function canonicalJsonOf(
  value: unknown,
  path: string,
): { json: string } | { problem: string } {
  try {
    return { json: canonical(value, 0) };
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
    const where = error.path
      .reverse()
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('');
    return { problem: `${path}${where}: ${error.message}` };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Text PostgreSQL can store: no NUL character, no unpaired UTF-16 surrogate. */
export function stringProblem(value: string, path: string): string | null {
  const reason = textProblem(value);
  return reason ? `${path}: ${reason}` : null;
}

// eslint-disable-next-line no-control-regex -- finding NUL characters is the point
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 64;

function textProblem(value: string): string | null {
  // One scan answers for almost every string; only suspects get the precise checks.
  if (!SUSPECT.test(value)) return null;
  if (value.includes('\u0000')) return 'contains a \\u0000 character';
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired surrogate';
  return null;
}

/** Thrown inside the walk; the path is built while unwinding, innermost segment first. */
class NotJson extends Error {
  readonly path: (string | number)[] = [];
}

/**
 * The canonical form is written by the engine's own JSON.stringify, from a copy of the value with
 * the keys of every object inserted in sorted order: one native pass instead of a string built
 * piece by piece, which the append path (every event's data and metadata) notices. An object with
 * an array-index-like key ("0", "17") cannot keep sorted order that way (JavaScript lists such keys
 * first, in numeric order), nor can a copy hold a `__proto__` key as its own: a value holding either
 * is checked without copying and written by hashing.ts `canonicalJson`.
 */
function canonical(value: unknown, depth: number): string {
  try {
    return JSON.stringify(checked(value, depth, true));
  } catch (error) {
    if (error !== NOT_COPYABLE) throw error;
  }
  checked(value, depth, false);
  return canonicalJson(value as JsonValue);
}

/** Thrown (never escapes {@link canonical}) for a key a sorted copy cannot hold in its place. */
const NOT_COPYABLE = Symbol('key a sorted copy cannot hold');
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

/**
 * Refuses what is not JSON, walking objects in sorted key order (so the first problem named is the
 * first in canonical order). With `copy`, returns the value with every object's keys in sorted
 * order, or throws {@link NOT_COPYABLE}; without, returns the value itself.
 */
function checked(value: unknown, depth: number, copy: boolean): unknown {
  checkScalarOrContainer(value, depth);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = copy ? new Array<unknown>(value.length) : value;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw within(new NotJson('arrays must not have holes'), i);
      const item = inside(value[i], depth, i, copy);
      if (copy) items[i] = item;
    }
    return items;
  }
  const keys = Object.keys(value).sort();
  const sorted: Record<string, unknown> = {};
  for (const key of keys) {
    const keyProblem = textProblem(key);
    if (keyProblem) throw within(new NotJson(`key ${keyProblem}`), key);
    if (copy && (key === '__proto__' || INDEX_LIKE.test(key))) throw NOT_COPYABLE;
    const item = inside((value as Record<string, unknown>)[key], depth, key, copy);
    if (copy) sorted[key] = item;
  }
  return copy ? sorted : value;
}

function inside(child: unknown, depth: number, segment: string | number, copy: boolean): unknown {
  try {
    return checked(child, depth + 1, copy);
  } catch (error) {
    throw error instanceof NotJson ? within(error, segment) : error;
  }
}

/** Refuses what is not JSON at this level; containers are then walked by the caller. */
function checkScalarOrContainer(value: unknown, depth: number): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw new NotJson(problem);
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotJson(`${String(value)} is not a JSON number`);
    return;
  }
  if (typeof value !== 'object') throw new NotJson(`a ${typeof value} is not JSON`);
  if (depth >= MAX_DEPTH) throw new NotJson(`nested deeper than ${MAX_DEPTH} levels (or cyclic)`);
  if (!Array.isArray(value) && !isPlainObject(value))
    throw new NotJson(`only plain objects are JSON (got ${value.constructor?.name ?? 'object'})`);
}

function within(error: NotJson, segment: string | number): NotJson {
  error.path.push(segment);
  return error;
}
