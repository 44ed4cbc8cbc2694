import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem, PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type Problem } from '../problems/problem';

/** What Node's HTTP parser refused, by its error code; anything else is a plain 400. */
const REFUSALS: Record<string, { status: number; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    title: 'Request Header Fields Too Large',
    detail: 'The URL and headers together are larger than the server accepts.',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    title: 'Payload Too Large',
    detail: 'The chunk extensions of the body are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request Timeout',
    detail: 'The request did not arrive in time.',
  },
};

/**
 * Requests Node's HTTP parser refuses before any middleware runs (a 100 KB query string, a
 * malformed request line) get the same problem+json answer as every other refusal; Node's own
 * answer is a bare status line. Written straight to the socket: there is no request or response.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A response already under way on this connection cannot be followed by another one.
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const refusal = REFUSALS[error.code ?? ''] ?? {
      status: 400,
      title: 'Bad Request',
      detail: 'The request is not valid HTTP.',
    };
    socket.end(
      rawResponse(problem(refusal.status, PROBLEM_TYPES.http, refusal.title, refusal.detail)),
    );
  });
}

function rawResponse(answer: Problem): string {
  const body = JSON.stringify(answer);
  return [
    `HTTP/1.1 ${answer.status} ${answer.title}`,
    `content-type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
    '',
    body,
  ].join('\r\n');
}
