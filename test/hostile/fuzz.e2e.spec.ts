import fc from 'fast-check';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_STORE } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import { createApp } from '../../apps/api/src/main';
import { declaredRoutes } from '../access/declared-routes';
import { runTwoPartnerProgram } from '../access/two-partner-program';
import { createTestLedger, type TestLedger } from '../support/test-store';
import { badRequests, shotsFor, toRequest, type BadRequest, type FuzzKeys } from './bad-requests';
import { send } from './raw-http';
import { refusalProblems } from './refusal-check';
import { routeInputs, type RouteInputs } from './route-inputs';
import { storedEvents, type StoredEvents } from './stored-events';

/**
 * How many generated bad requests the property sends: 800 by default, so CI runs this spec in well
 * under a minute per store; `npm run test:fuzz` sends 5,000 (plus the sweep, over 5,500 in all).
 * FUZZ_SEED replays a run: every failure names its seed, and so does the summary printed at the end.
 */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 800);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

const KEYS: FuzzKeys & { manager: string; finance: string } = {
  admin: 'fuzz-admin-key-6b0d2e',
  ingest: 'fuzz-ingest-key-91c4aa',
  manager: 'fuzz-manager-key-3e7f10',
  finance: 'fuzz-finance-key-c25b87',
  partner: 'fuzz-partner-acme-key-48d9',
};

/** The kinds of hostile input the brief names; the sweep proves each was sent. */
const REQUIRED_CATEGORIES = [
  'field.wrongType',
  'field.missing',
  'field.huge',
  'body.deep',
  'body.tooLarge',
  'field.unicode',
  'path.unicode',
  'field.amount',
  'field.unknown',
  'field.sql',
  'path.sql',
  'body.notJson',
  'batch.tooMany',
  'body.malformed',
  'query.badValue',
  'query.huge',
];

describe('hostile input to every route', () => {
  let ledger: TestLedger;
  let app: NestExpressApplication;
  let store: EventStore;
  let baseUrl: URL;
  let routes: RouteInputs[];
  let before: StoredEvents;
  const tally = new Map<string, number>();

  /** Sends one bad request; the reasons it was not a clean refusal, each naming the request. */
  async function fire(bad: BadRequest): Promise<string[]> {
    const { method, path, body } = bad.request;
    const label = `[seed ${FUZZ_SEED}] ${bad.category} ${method} ${path.slice(0, 120)}${body ? ` body ${JSON.stringify(body.subarray(0, 120).toString())}` : ''}`;
    let problems: string[];
    try {
      const answer = await send(baseUrl, bad.request);
      const key = `${bad.category} → ${answer.status}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      problems = refusalProblems(answer, bad.expect, Object.values(KEYS)).map(
        (p) => `${p} (answer ${answer.status} ${answer.text.slice(0, 200)})`,
      );
    } catch (error) {
      problems = [`no answer: ${(error as Error).message}`];
    }
    return problems.map((problem) => `${label}: ${problem}`);
  }

  beforeAll(async () => {
    ledger = await createTestLedger([
      { key: KEYS.admin, role: 'admin' },
      { key: KEYS.ingest, role: 'ingest' },
      { key: KEYS.manager, role: 'manager' },
      { key: KEYS.finance, role: 'finance' },
      { key: KEYS.partner, role: 'partner:p_acme' },
    ]);
    app = await createApp(ledger.config);
    await app.listen(0, '127.0.0.1');
    store = app.get<EventStore>(EVENT_STORE);
    baseUrl = new URL(await app.getUrl());
    const docs = await send(baseUrl, { method: 'GET', path: '/docs-json', headers: {} });
    routes = routeInputs(declaredRoutes(app), JSON.parse(docs.text));
    // Real data behind the example ids, so bad input meets partners, payouts and read models.
    await runTwoPartnerProgram(app.getHttpServer(), KEYS, store);
    before = await storedEvents(store);
  });

  afterAll(async () => {
    if (tally.size > 0) {
      const total = [...tally.values()].reduce((a, b) => a + b, 0);
      const lines = [...tally]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, n]) => `  ${k}: ${n}`);
      console.log(`fuzz seed ${FUZZ_SEED}: ${total} bad requests\n${lines.join('\n')}`);
    }
    await app?.close();
    await ledger?.destroy();
  });

  it('sends every kind of bad input each route can take, and each is refused cleanly', async () => {
    const failures: string[] = [];
    const sent = new Set<string>();
    for (const route of routes) {
      for (const [category, shot] of shotsFor(route, routes)) {
        const [one] = fc.sample(shot, { numRuns: 1, seed: FUZZ_SEED });
        const request = toRequest(route, one!, `Bearer ${KEYS.admin}`);
        const expect = one!.expect ?? 'refused';
        failures.push(
          ...(await fire({ category, route: `${route.method} ${route.path}`, request, expect })),
        );
        sent.add(category);
      }
    }
    expect(failures).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
    expect(REQUIRED_CATEGORIES.filter((c) => !sent.has(c))).toEqual([]);
  }, 120_000);

  it(
    `refuses ${FUZZ_RUNS} generated bad requests across every route`,
    async () => {
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(badRequests(routes, KEYS), async (bad) => {
          sent++;
          const problems = await fire(bad);
          if (problems.length > 0) throw new Error(problems.join('\n'));
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true },
      );
      expect(sent).toBe(FUZZ_RUNS);
    },
    60_000 + FUZZ_RUNS * 200,
  );

  it('refuses a 10 MB body, a batch of 1,001 commands and out-of-range positions', async () => {
    const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 'A');
    tenMegabytes.write('{"paymentId":"', 0);
    tenMegabytes.write('"}', tenMegabytes.length - 2);
    const batch = {
      commands: Array.from({ length: 1001 }, (_, i) => ({
        path: '/v1/accounts',
        body: { accountId: `acc_${i}`, createdInCrmAt: '2026-01-01T00:00:00Z' },
      })),
    };
    const admin = { authorization: `Bearer ${KEYS.admin}`, 'content-type': 'application/json' };
    const cases: [string, BadRequest['request'], number][] = [
      ['10 MB', { method: 'POST', path: '/v1/payments', headers: admin, body: tenMegabytes }, 413],
      [
        '10 MB batch',
        { method: 'POST', path: '/v1/batch', headers: admin, body: tenMegabytes },
        413,
      ],
      [
        '1,001 commands',
        {
          method: 'POST',
          path: '/v1/batch',
          headers: admin,
          body: Buffer.from(JSON.stringify(batch)),
        },
        400,
      ],
      // Positions past what the store's xid8 and bigint columns hold once failed inside the query (500).
      [
        'transaction id past 2^64',
        { method: 'GET', path: '/v1/feed?after=18446744073709551616:1', headers: admin },
        400,
      ],
      [
        'position past 2^63',
        { method: 'GET', path: '/v1/feed?after=1:9223372036854775808', headers: admin },
        400,
      ],
      [
        'waitFor past 2^64',
        {
          method: 'GET',
          path: '/v1/partners/p_acme/balance?waitFor=99999999999999999999:1',
          headers: admin,
        },
        400,
      ],
    ];
    for (const [what, request, status] of cases) {
      const answer = await send(baseUrl, request);
      expect([what, answer.status]).toEqual([what, status]);
      expect(refusalProblems(answer, 'refused', Object.values(KEYS))).toEqual([]);
    }
  });

  it('leaves the store as it was: no event appended, the head where it stood', async () => {
    expect(await storedEvents(store)).toEqual(before);
  });
});
