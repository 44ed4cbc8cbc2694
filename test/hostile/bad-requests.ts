import fc from 'fast-check';
import { fillPath } from '../access/declared-routes';
import { badBatches } from './bad-batches';
import { fieldMutations } from './field-mutations';
import {
  deepArray,
  deepJson,
  MALFORMED_JSON,
  NOT_JSON_TYPES,
  percentEncode,
  toJsonText,
} from './hostile-values';
import type { RawRequest } from './raw-http';
import { exampleBody, type RouteInputs } from './route-inputs';
import { pathShots, queryShots } from './url-mutations';

/** The body limits the API enforces (apps/api/src/main.ts). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
export const BATCH_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * What must come back: `refused` is a 4xx problem; a batch whose envelope is sound answers 200
 * with each command's own result, and then every result must be a 4xx problem instead.
 */
export type Expectation = 'refused' | 'refused-or-all-items-refused';

export interface BadRequest {
  category: string;
  route: string;
  request: RawRequest;
  expect: Expectation;
}

/** How one bad request differs from a valid request to its route. */
export interface Shot {
  method?: string;
  /** The encoded `:id`, in place of the example. */
  id?: string;
  /** The encoded query string, without `?`. */
  query?: string;
  /** `null` sends no content type. */
  contentType?: string | null;
  body?: string | Buffer;
  expect?: Expectation;
}

export interface FuzzKeys {
  admin: string;
  ingest: string;
  partner: string;
}

/** Every kind of bad request `route` can be sent, each as an arbitrary of shots. */
export function shotsFor(
  route: RouteInputs,
  all: readonly RouteInputs[],
): Map<string, fc.Arbitrary<Shot>> {
  const shots = new Map<string, fc.Arbitrary<Shot>>();
  const add = (category: string, arbitrary: fc.Arbitrary<Shot>) => shots.set(category, arbitrary);
  const isBatch = route.path === '/v1/batch';
  const limit = isBatch ? BATCH_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
  const validBody = route.body ? toJsonText(exampleBody(route.body)) : '{}';

  add(
    'body.malformed',
    fc
      .oneof(
        fc.constantFrom(...MALFORMED_JSON),
        fc.nat({ max: validBody.length - 1 }).map((cut) => validBody.slice(0, Math.max(1, cut))),
      )
      .map((body) => ({ body })),
  );
  add(
    'body.notJson',
    fc
      .constantFrom<string | null>(...NOT_JSON_TYPES, null)
      .map((contentType) => ({ contentType, body: validBody })),
  );
  add(
    'body.tooLarge',
    fc
      .integer({ min: limit + 1, max: limit + 64 * 1024 })
      .map((size) => ({ body: bodyOfSize(size) })),
  );
  add(
    'body.deep',
    fc
      .tuple(
        fc.constantFrom(10_000, 10_000, 1_000, 65),
        fc.constantFrom('whole', 'object', 'array'),
      )
      .map(([depth, shape]) => ({
        body:
          shape === 'whole'
            ? deepJson(depth)
            : `{"x":${shape === 'object' ? deepJson(depth) : deepArray(depth)}}`,
      })),
  );
  add(
    'method.wrong',
    fc.constantFrom('PUT', 'PATCH', 'DELETE').map((method) => ({ method })),
  );

  if (route.body) {
    add(
      'body.notObject',
      fc.constantFrom('[]', '[{}]', `[${validBody}]`).map((body) => ({ body })),
    );
    for (const [category, bodies] of fieldMutations(route.body))
      add(
        category,
        bodies.map((body) => ({ body: toJsonText(body) })),
      );
  }
  if (isBatch) for (const [category, arbitrary] of badBatches(all)) add(category, arbitrary);
  const id = route.pathParams.find((p) => p.name === 'id');
  if (id) for (const [category, arbitrary] of pathShots(id)) add(category, arbitrary);
  if (route.query.length > 0)
    for (const [category, arbitrary] of queryShots(route.query)) add(category, arbitrary);
  return shots;
}

/** Valid JSON of exactly `size` bytes: one long string field. */
function bodyOfSize(size: number): Buffer {
  const body = Buffer.alloc(size, 'A');
  body.write('{"x":"', 0);
  body.write('"}', size - 2);
  return body;
}

/** The request a shot describes, on `route`, with `authorization` (or none). */
export function toRequest(
  route: RouteInputs,
  shot: Shot,
  authorization: string | undefined,
): RawRequest {
  const id = route.pathParams.find((p) => p.name === 'id');
  const path = id
    ? fillPath(route.path, { id: shot.id ?? percentEncode(String(id.example)) })
    : route.path;
  const method = shot.method ?? route.method;
  const body = shot.body ?? (route.body ? toJsonText(exampleBody(route.body)) : undefined);
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  const contentType = shot.contentType === undefined ? 'application/json' : shot.contentType;
  if (body !== undefined && contentType !== null) headers['content-type'] = contentType;
  return {
    method,
    path: shot.query === undefined ? path : `${path}?${shot.query}`,
    headers,
    body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  };
}

/** Mostly the admin key, so the input is what gets refused; now and then a wrong or missing one. */
export function authorizations(keys: FuzzKeys): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(`Bearer ${keys.admin}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        undefined,
        'Bearer',
        'Bearer not-a-known-key',
        `Basic ${keys.admin}`,
        `Bearer ${keys.ingest}`,
        `Bearer ${keys.partner}`,
        // Past Node's header limit: refused (431) before any middleware runs.
        `Bearer ${'k'.repeat(100 * 1024)}`,
      ),
    },
  );
}

/** One bad request to any route: a route, then one of the kinds of bad input it can take. */
export function badRequests(
  routes: readonly RouteInputs[],
  keys: FuzzKeys,
): fc.Arbitrary<BadRequest> {
  const byRoute = routes.map((route) => ({ route, shots: [...shotsFor(route, routes)] }));
  return fc.constantFrom(...byRoute).chain(({ route, shots }) =>
    fc.oneof(
      ...shots.map(([category, shot]) => ({
        // Bad commands inside a sound batch reach every command's validation: send more of them.
        weight: category === 'batch.items' ? 8 : 1,
        arbitrary: fc.tuple(shot, authorizations(keys)).map(([s, authorization]) => ({
          category,
          route: `${route.method} ${route.path}`,
          request: toRequest(route, s, authorization),
          expect: s.expect ?? ('refused' as const),
        })),
      })),
    ),
  );
}
