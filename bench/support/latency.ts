import { Agent, request } from 'node:http';

/** A keep-alive HTTP client for latency samples against a server on this machine. */
export class TimedClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly port: number,
    private readonly key: string,
  ) {}

  /** GET `path`; resolves with the elapsed milliseconds, rejects on any status but 200. */
  get(path: string): Promise<number> {
    return this.send('GET', path).then(({ ms }) => ms);
  }

  /** Sends a request with a JSON body and resolves with the status, the parsed answer and the time. */
  send(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; answer: unknown; ms: number }> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        {
          port: this.port,
          host: '127.0.0.1',
          method,
          path,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${this.key}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (method === 'GET' && status !== 200)
              return reject(new Error(`GET ${path}: status ${status}: ${text.slice(0, 300)}`));
            resolve({ status, answer: text ? (JSON.parse(text) as unknown) : null, ms });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The p-th quantile (0..1) of the samples, nearest-rank, rounded to 0.01 ms. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round(sorted[rank]! * 100) / 100;
}

/** `count` items drawn from `items` without replacement by a seeded generator (same seed, same picks). */
export function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  const pool = [...items];
  let state = seed >>> 0 || 1;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) {
    const index = Math.floor(next() * pool.length);
    picked.push(pool[index]!);
    pool[index] = pool[pool.length - 1]!;
    pool.pop();
  }
  return picked;
}
