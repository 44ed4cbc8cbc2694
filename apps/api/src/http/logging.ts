import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationIdFor } from './correlation-id';

/** Probes scraped every few seconds; logging each would drown the log. */
const UNLOGGED_PATHS = new Set(['/health', '/health/live', '/metrics']);

/**
 * JSON logs, one line per request, each carrying the request's correlation id (`reqId` on the
 * request, `correlationId` on the line, so lines the application logs while handling the request
 * carry it too). The Authorization header and cookies are redacted: API keys never reach a log.
 */
export function loggingOptions(level: string): Params {
  return {
    pinoHttp: {
      level,
      genReqId: (request: IncomingMessage, response: ServerResponse) =>
        correlationIdFor(request, response),
      customProps: (request: IncomingMessage) => ({ correlationId: request.id }),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
      autoLogging: {
        ignore: (request: IncomingMessage) =>
          UNLOGGED_PATHS.has((request.url ?? '').split('?')[0]!),
      },
    },
  };
}
