import { request as httpRequest, Agent } from 'node:http';

/** A request exactly as the fuzzer means it: the path is sent byte for byte, already encoded. */
export interface RawRequest {
  method: string;
  /** Path and query, percent-encoded by the generator (nothing re-encodes or normalises it). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * Sends one request over a fresh connection and reads the whole answer. Node's own client is used
 * rather than supertest so that nothing in between fixes up a path, a header or a body; a
 * connection that ends without an answer rejects, which the fuzzer counts as a failure.
 */
export function send(baseUrl: URL, raw: RawRequest, timeoutMs = 30_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...raw.headers, connection: 'close' };
    if (raw.body !== undefined) headers['content-length'] = String(raw.body.length);
    const outgoing = httpRequest(
      {
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: raw.method,
        path: raw.path,
        headers,
        agent: NO_POOL,
        // The fuzzer sends 100 KB query strings on purpose; the server decides what is too long.
        maxHeaderSize: 1024 * 1024,
        insecureHTTPParser: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.setTimeout(timeoutMs, () =>
      outgoing.destroy(new Error(`no answer in ${timeoutMs} ms`)),
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // The server may answer and close before a large body is written; the answer still counts.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      reject(error);
    });
    outgoing.on('close', () => reject(new Error('the connection closed without an answer')));
    outgoing.end(raw.body);
  });
}

const NO_POOL = new Agent({ keepAlive: false });
