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

function canonical(value: unknown, depth: number): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw new NotJson(problem);
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotJson(`${String(value)} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') throw new NotJson(`a ${typeof value} is not JSON`);
  if (depth >= MAX_DEPTH) throw new NotJson(`nested deeper than ${MAX_DEPTH} levels (or cyclic)`);
  return Array.isArray(value) ? canonicalArray(value, depth) : canonicalObject(value, depth);
}

function canonicalArray(value: unknown[], depth: number): string {
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw within(new NotJson('arrays must not have holes'), i);
    if (i > 0) out += ',';
    out += inside(value[i], depth, i);
  }
  return `${out}]`;
}

function canonicalObject(value: object, depth: number): string {
  if (!isPlainObject(value))
    throw new NotJson(`only plain objects are JSON (got ${value.constructor?.name ?? 'object'})`);
  const keys = Object.keys(value).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const keyProblem = textProblem(key);
    if (keyProblem) throw within(new NotJson(`key ${keyProblem}`), key);
    if (i > 0) out += ',';
    out += `${JSON.stringify(key)}:${inside(value[key], depth, key)}`;
  }
  return `${out}}`;
}

function inside(child: unknown, depth: number, segment: string | number): string {
  try {
    return canonical(child, depth + 1);
  } catch (error) {
    throw error instanceof NotJson ? within(error, segment) : error;
  }
}

function within(error: NotJson, segment: string | number): NotJson {
  error.path.push(segment);
  return error;
}
