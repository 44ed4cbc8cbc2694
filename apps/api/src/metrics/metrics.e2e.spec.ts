import request from 'supertest';
import { KEYS, startTestApi, type TestApi } from '../../../../test/support/test-api';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text exposition, sample lines only: `name{a="x",b="y"} 12`. */
function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [
          m[1]!,
          m[2]!,
        ]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name and these labels (0 when there is none yet). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length > 1) throw new Error(`${found.length} samples match ${name}`);
  return found[0]?.value ?? 0;
}

const ENROL = {
  partnerId: 'p_metrics',
  name: 'Metrics Co',
  tier: 'integration',
  enrolledAt: '2026-01-01T00:00:00Z',
};

describe('GET /metrics', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  async function scrape(): Promise<Sample[]> {
    // No key: the endpoint is public like /health.
    const response = await request(api.app.getHttpServer()).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseMetrics(response.text);
  }

  it('counts commands by type and outcome, and times their appends and requests', async () => {
    const before = await scrape();
    const count = (samples: Sample[], type: string, outcome: string) =>
      valueOf(samples, 'ledger_commands_total', { type, outcome });
    const appends = (samples: Sample[], result: string) =>
      valueOf(samples, 'ledger_event_store_append_seconds_count', {
        store: api.storeName,
        result,
      });

    expect((await api.post('/v1/partners', KEYS.manager, ENROL)).status).toBe(201);
    expect((await api.post('/v1/partners', KEYS.manager, ENROL)).status).toBe(201);
    const otherBody = await api.post('/v1/partners', KEYS.manager, { ...ENROL, name: 'Another' });
    expect(otherBody.status).toBe(409);
    const unknown = await api.post('/v1/partners/p_nobody/onboarded', KEYS.manager, {
      occurredAt: '2026-02-01T00:00:00Z',
    });
    expect(unknown.status).toBe(404);
    const batch = await api.post('/v1/batch', KEYS.manager, {
      commands: [
        { path: '/v1/partners/p_metrics/onboarded', body: { occurredAt: '2026-02-01T00:00:00Z' } },
        { path: '/v1/partners/p_metrics/onboarded', body: { occurredAt: '2026-02-01T00:00:00Z' } },
      ],
    });
    expect(batch.body.results.map((r: { status: number }) => r.status)).toEqual([201, 201]);

    const after = await scrape();
    const moved = (type: string, outcome: string) =>
      count(after, type, outcome) - count(before, type, outcome);
    expect(moved('EnrollPartner', 'accepted')).toBe(1);
    expect(moved('EnrollPartner', 'duplicate')).toBe(1);
    expect(moved('EnrollPartner', 'conflict')).toBe(1);
    expect(moved('MarkPartnerOnboarded', 'refused')).toBe(1);
    // Commands sent in a batch are counted one by one, like those sent alone.
    expect(moved('MarkPartnerOnboarded', 'accepted')).toBe(1);
    expect(moved('MarkPartnerOnboarded', 'duplicate')).toBe(1);

    // Two commands appended; the duplicates and the refusal never reached the append.
    expect(appends(after, 'ok') - appends(before, 'ok')).toBe(2);
    const route = { method: 'POST', route: '/v1/partners', status: '201' };
    expect(
      valueOf(after, 'ledger_http_request_duration_seconds_count', route) -
        valueOf(before, 'ledger_http_request_duration_seconds_count', route),
    ).toBe(2);
    expect(
      valueOf(after, 'ledger_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/partners/:id/onboarded',
        status: '404',
      }),
    ).toBe(1);
    // Ids never become label values: routes are templates.
    expect(after.some((s) => Object.values(s.labels).some((v) => v.includes('p_metrics')))).toBe(
      false,
    );
  });

  it('reports each projection’s lag, which falls to 0 once the runner catches up', async () => {
    const answer = await api.post('/v1/partners/p_metrics/tier', KEYS.manager, {
      changeId: 'c1',
      tier: 'solution',
      effectiveAt: '2026-03-01T00:00:00Z',
      reason: 'growth',
    });
    expect(answer.status).toBe(201);
    // Reads that wait for the write's position see it; so does the lag measured after them.
    const balance = await api.get(
      `/v1/partners/p_metrics/balance?waitFor=${answer.body.position as string}`,
      KEYS.finance,
    );
    expect(balance.status).toBe(200);
    const samples = await scrape();
    for (const projection of ['commissions', 'partner_holds', 'payouts'])
      expect(valueOf(samples, 'ledger_projection_lag_positions', { projection })).toBe(0);
    const lags = samples.filter((s) => s.name === 'ledger_projection_lag_positions');
    expect(lags.length).toBeGreaterThanOrEqual(9);
    expect(valueOf(samples, 'ledger_projection_caught_up', { projection: 'commissions' })).toBe(1);
  });

  it('includes the process metrics', async () => {
    const samples = await scrape();
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });
});
