import { createTestLedger } from '../support/test-store';
import { startApiProcess } from './api-process';
import { OWN_PARTNER } from './two-partner-program';

/**
 * The API runs as its own process, exactly as `npm start` runs it, logging at `info`; everything it
 * writes is kept and searched for the keys its requests carried.
 */
describe('API keys in the logs', () => {
  const LOG_KEYS = {
    admin: 'logcheck-admin-9f27c4d1e8',
    ingest: 'logcheck-ingest-5a03b6f2c7',
    partner: 'logcheck-partner-1e8d7a4b90',
    unknown: 'logcheck-unknown-3c6f0e2d5b',
  };

  it('never appear, whatever the request and its answer', async () => {
    const ledger = await createTestLedger([
      { key: LOG_KEYS.admin, role: 'admin' },
      { key: LOG_KEYS.ingest, role: 'ingest' },
      { key: LOG_KEYS.partner, role: `partner:${OWN_PARTNER}` },
    ]);
    const api = await startApiProcess(ledger.config, 'info');
    try {
      const send = (path: string, authorization: string, correlationId: string, body?: object) =>
        fetch(`${api.baseUrl}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            authorization,
            'x-correlation-id': correlationId,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const requests: [string, string, string, object | undefined, number][] = [
        ['/v1/feed', `Bearer ${LOG_KEYS.admin}`, 'log-check-read', undefined, 200],
        [
          '/v1/accounts',
          `bearer ${LOG_KEYS.ingest}`,
          'log-check-write',
          { accountId: 'acc_log', createdInCrmAt: '2026-01-01T00:00:00Z' },
          201,
        ],
        ['/v1/payments', `Bearer ${LOG_KEYS.ingest}`, 'log-check-invalid', { amount: 1 }, 400],
        ['/v1/feed', `Bearer ${LOG_KEYS.unknown}`, 'log-check-unknown', undefined, 401],
        ['/v1/feed', LOG_KEYS.admin, 'log-check-no-scheme', undefined, 401],
        ['/v1/metrics/funnel', `Bearer ${LOG_KEYS.partner}`, 'log-check-forbidden', undefined, 403],
        ['/v1/nowhere', `Bearer ${LOG_KEYS.admin}`, 'log-check-not-found', undefined, 404],
      ];
      for (const [path, authorization, correlationId, body, status] of requests) {
        const answer = await send(path, authorization, correlationId, body);
        expect([correlationId, answer.status]).toEqual([correlationId, status]);
      }
      expect(await api.stop()).toBe(0);

      const output = api.output();
      // The requests were logged (so the absence below means something) with the header redacted.
      for (const [, , correlationId] of requests) expect(output).toContain(correlationId);
      expect(output).toContain('[redacted]');
      for (const key of Object.values(LOG_KEYS)) expect(output).not.toContain(key);
    } finally {
      await api.stop();
      await ledger.destroy();
    }
    // Starting a second process compiles the app on the fly: allow for a busy machine.
  }, 120_000);
});
