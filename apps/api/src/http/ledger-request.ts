import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/principal';

/**
 * The request as the API's own guard and handlers see it. Its correlation id is `id`, which
 * pino-http declares on every `IncomingMessage`.
 */
export interface LedgerRequest extends IncomingMessage {
  /** Set by the API key guard on every route that is not public. */
  principal?: Principal;
  params?: Record<string, string>;
  body?: unknown;
}
