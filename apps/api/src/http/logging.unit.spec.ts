import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import pinoHttp, { type Options } from 'pino-http';
import request from 'supertest';
import { loggingOptions } from './logging';

/** Runs one request through pino-http configured exactly as the API configures it. */
async function logLinesOf(
  headers: Record<string, string>,
): Promise<{ lines: Record<string, unknown>[]; responseId: string | undefined }> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = pinoHttp(loggingOptions('info').pinoHttp as Options, sink);
  const server = createServer((req, res) => {
    logger(req, res);
    res.end('ok');
  });
  const response = await request(server).post('/v1/payments').set(headers).send({});
  return { lines, responseId: response.headers['x-correlation-id'] };
}

describe('request logging', () => {
  it('never writes the API key, and tags the line with the correlation id', async () => {
    const { lines, responseId } = await logLinesOf({
      Authorization: 'Bearer super-secret-key-123',
      'x-correlation-id': 'trace-42',
    });
    expect(lines).toHaveLength(1);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('super-secret-key-123');
    expect(text).toContain('[redacted]');
    expect(lines[0]).toMatchObject({ req: { id: 'trace-42' }, correlationId: 'trace-42' });
    expect(responseId).toBe('trace-42');
  });

  it('replaces a malformed correlation id with a fresh uuid', async () => {
    const { lines, responseId } = await logLinesOf({ 'x-correlation-id': 'not a valid id!' });
    expect(responseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[0]).toMatchObject({ req: { id: responseId }, correlationId: responseId });
  });
});
