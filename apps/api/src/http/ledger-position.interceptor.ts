import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tap, type Observable } from 'rxjs';
import { compareCheckpoints, parsePositionToken } from '@ledger/projections/runner/checkpoint';

/** The response header that repeats a command answer's `position`, for clients that read headers. */
export const LEDGER_POSITION_HEADER = 'Ledger-Position';

/**
 * Sets `Ledger-Position` on command answers: the answer's own `position`, or for a batch the
 * latest position among its results, so waiting for it reads every write of the batch.
 */
@Injectable()
export class LedgerPositionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    if (context.getType() !== 'http' || http.getRequest<IncomingMessage>().method !== 'POST')
      return next.handle();
    const response = http.getResponse<ServerResponse>();
    return next.handle().pipe(
      tap((body: unknown) => {
        const position = positionOf(body);
        if (position !== null && !response.headersSent)
          response.setHeader(LEDGER_POSITION_HEADER, position);
      }),
    );
  }
}

/** The position a command answer (or a batch answer `{ results: [{ body }] }`) carries, if any. */
export function positionOf(body: unknown): string | null {
  const own = tokenOf(body);
  if (own !== null) return own;
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return null;
  let latest: string | null = null;
  for (const result of results) {
    const token = tokenOf((result as { body?: unknown } | null)?.body);
    if (token !== null && (latest === null || isLater(token, latest))) latest = token;
  }
  return latest;
}

function tokenOf(body: unknown): string | null {
  const position = (body as { position?: unknown } | null)?.position;
  return typeof position === 'string' && parsePositionToken(position) !== null ? position : null;
}

function isLater(a: string, b: string): boolean {
  return compareCheckpoints(parsePositionToken(a)!, parsePositionToken(b)!) > 0;
}
