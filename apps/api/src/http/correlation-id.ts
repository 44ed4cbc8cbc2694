import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ID_PATTERN } from '../validation/field-formats';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * The request's correlation id: the caller's `x-correlation-id` when it is a well-formed id (so a
 * trace spans services), else a fresh uuid. Echoed on the response, logged with every line, and
 * stored on the events the request appends.
 */
export function correlationIdFor(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers[CORRELATION_HEADER];
  const id = typeof given === 'string' && ID_PATTERN.test(given) ? given : randomUUID();
  response.setHeader(CORRELATION_HEADER, id);
  return id;
}
