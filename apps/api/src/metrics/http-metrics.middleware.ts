import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LedgerMetrics } from './ledger-metrics';

type Next = (error?: unknown) => void;

/** What Express leaves on a request it routed: the matched route's template. */
interface RoutedRequest extends IncomingMessage {
  route?: { path?: unknown };
}

/**
 * Times every request into `ledger_http_request_duration_seconds` once its answer is sent. The
 * route label is the matched template (`/v1/partners/:id/balance`), never the URL, so ids stay out
 * of the metric; a request answered before any route matched (an unknown path, a body that is not
 * JSON) is labelled `none`. Registered as plain middleware, so answers from the guard, the
 * validation pipe and the body parser are timed too.
 */
export function httpMetrics(metrics: LedgerMetrics) {
  return (request: RoutedRequest, response: ServerResponse, next: Next): void => {
    const stop = metrics.httpSeconds.startTimer();
    response.once('finish', () => {
      const route = typeof request.route?.path === 'string' ? request.route.path : 'none';
      stop({ method: request.method ?? 'GET', route, status: String(response.statusCode) });
    });
    next();
  };
}
