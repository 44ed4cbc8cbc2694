import type { IncomingMessage, ServerResponse } from 'node:http';
import { problem, PROBLEM_TYPES } from '../problems/problem';
import { sendProblem } from '../problems/problem.filter';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

type Next = (error?: unknown) => void;
type Middleware = (request: IncomingMessage, response: ServerResponse, next: Next) => void;

/**
 * express ships with @nestjs/platform-express, whose JSON parser this wraps; it is typed here
 * because @types/express is not a dependency of the project.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express = require('express') as {
  json(options: {
    limit: string;
    strict: boolean;
    type: (request: IncomingMessage) => boolean;
    verify: (request: IncomingMessage, response: ServerResponse, body: Buffer) => void;
  }): Middleware;
};

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Thrown from body-parser's `verify`, which answers it with its `status` and `type`. */
class TooDeep extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
}

/**
 * Parses JSON bodies up to `limit` and answers parse failures as problems itself: they happen
 * before Nest's router, so Nest's exception filters never see them. A body that is not JSON is
 * refused (415) rather than silently read as empty; so is JSON in another charset than UTF-8
 * (RFC 8259 §8.1), which also keeps the nesting check a plain scan of the bytes.
 */
export function jsonBody(limit: string): Middleware {
  const parse = express.json({
    limit,
    strict: true,
    type: isJson,
    verify: (_request, _response, body) => {
      if (nestsDeeperThan(body, MAX_JSON_DEPTH)) throw new TooDeep('the body nests too deep');
    },
  });
  return (request, response, next) => {
    if (hasBody(request) && !isJson(request)) {
      return sendProblem(
        response,
        problem(
          415,
          PROBLEM_TYPES.unsupportedMediaType,
          'Unsupported Media Type',
          'Send the body as JSON with `Content-Type: application/json`.',
        ),
      );
    }
    if (hasBody(request) && !isUtf8(request)) {
      return sendProblem(
        response,
        problem(
          415,
          PROBLEM_TYPES.unsupportedMediaType,
          'Unsupported Media Type',
          'Send JSON in UTF-8 (`Content-Type: application/json; charset=utf-8`, or no charset).',
        ),
      );
    }
    parse(request, response, (error?: unknown) =>
      error ? sendProblem(response, parseProblem(error, limit)) : next(),
    );
  };
}

function parseProblem(error: unknown, limit: string) {
  const type = (error as BodyParserError).type;
  if (type === 'entity.too.large') {
    return problem(
      413,
      PROBLEM_TYPES.tooLarge,
      'Payload Too Large',
      `The body is larger than ${limit}.`,
    );
  }
  if (type === 'entity.too.deep') {
    return problem(
      400,
      PROBLEM_TYPES.validation,
      'Invalid input',
      `The body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`,
      [{ field: '', message: `nests deeper than ${MAX_JSON_DEPTH} levels` }],
    );
  }
  if (type === 'entity.parse.failed') {
    return problem(
      400,
      PROBLEM_TYPES.malformedJson,
      'Malformed JSON',
      'The body is not valid JSON.',
      [{ field: '', message: 'is not valid JSON' }],
    );
  }
  const status = (error as BodyParserError).status;
  const clientError = typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
  return problem(clientError, PROBLEM_TYPES.http, 'Bad Request', 'The body could not be read.');
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

/** No charset parameter means UTF-8, JSON's only interchange encoding. */
function isUtf8(request: IncomingMessage): boolean {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers['content-type'] ?? '');
  return match === null || /^utf-?8$/i.test(match[1]!);
}

function isJson(request: IncomingMessage): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]*\+json$/.test(type);
}
