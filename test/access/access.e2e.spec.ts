import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { EVENT_STORE } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import { COMMAND_USE_CASES } from '../../apps/api/src/command-use-cases';
import { createApp } from '../../apps/api/src/main';
import { storedEvents, type StoredEvents } from '../hostile/stored-events';
import { createTestLedger, type TestLedger } from '../support/test-store';
import {
  admits,
  declaredRoutes,
  fillPath,
  openApiPath,
  type DeclaredAccess,
  type DeclaredRoute,
  type Role,
} from './declared-routes';
import {
  OTHER_ACCOUNT,
  OTHER_PARTNER,
  OWN_ACCOUNT,
  OWN_PARTNER,
  payoutOf,
  runTwoPartnerProgram,
} from './two-partner-program';

const KEYS: Record<Role, string> = {
  ingest: 'access-ingest-key-5b1e',
  manager: 'access-manager-key-77c2',
  finance: 'access-finance-key-0d9a',
  admin: 'access-admin-key-e41f',
  partner: 'access-partner-acme-key-3c88',
};
const NOT_ADMIN: Role[] = ['ingest', 'manager', 'finance', 'partner'];

/**
 * Who may read what, written out by hand on purpose: the role matrix below derives expectations
 * from each route's declared access, so a wrong declaration would pass it; this table catches one.
 */
const READ_ROUTES: Record<string, DeclaredAccess> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /metrics': 'public',
  'GET /v1/partners/:id/balance': ['manager', 'finance', 'partner:self'],
  'GET /v1/partners/:id/commissions': ['manager', 'finance', 'partner:self'],
  'GET /v1/partners/:id/clawbacks': ['manager', 'finance', 'partner:self'],
  'GET /v1/partners/:id/protected-accounts': ['manager', 'finance', 'partner:self'],
  'GET /v1/clawbacks': ['manager', 'finance'],
  'GET /v1/accounts/:id/timeline': ['manager', 'finance'],
  'GET /v1/accounts/:id/attribution': ['manager', 'finance'],
  'GET /v1/metrics/pipeline': ['manager', 'finance'],
  'GET /v1/metrics/funnel': ['manager', 'finance'],
  'GET /v1/feed': ['manager', 'finance', 'partner:scoped'],
  'GET /v1/payouts/:id/explanation': ['manager', 'finance', 'partner:scoped'],
};

const routeName = (route: DeclaredRoute) => `${route.method} ${route.path}`;
const sorted = (access: DeclaredAccess) =>
  typeof access === 'string' ? access : [...access].sort();

/** The `:id` a route is called with: the partner key's own partner, payout or account. */
function ownIdFor(path: string): string {
  if (path.startsWith('/v1/partners/')) return OWN_PARTNER;
  if (path.startsWith('/v1/payouts/')) return payoutOf(OWN_PARTNER);
  return OWN_ACCOUNT;
}

describe('access control over every route', () => {
  let ledger: TestLedger;
  let app: NestExpressApplication;
  let store: EventStore;
  let routes: DeclaredRoute[];
  let afterProgram: StoredEvents;

  const call = (route: { method: string; path: string }, key?: string, body: object = {}) => {
    const server = app.getHttpServer();
    const test =
      route.method === 'GET'
        ? request(server).get(route.path)
        : request(server)[route.method.toLowerCase() as 'post'](route.path).send(body);
    return key === undefined ? test : test.set('Authorization', `Bearer ${key}`);
  };

  beforeAll(async () => {
    ledger = await createTestLedger([
      { key: KEYS.ingest, role: 'ingest' },
      { key: KEYS.manager, role: 'manager' },
      { key: KEYS.finance, role: 'finance' },
      { key: KEYS.admin, role: 'admin' },
      { key: KEYS.partner, role: `partner:${OWN_PARTNER}` },
    ]);
    app = await createApp(ledger.config);
    await app.init();
    store = app.get<EventStore>(EVENT_STORE);
    routes = declaredRoutes(app);
    await runTwoPartnerProgram(app.getHttpServer(), KEYS, store);
    afterProgram = await storedEvents(store);
  });

  afterAll(async () => {
    await app?.close();
    await ledger?.destroy();
  });

  describe('the routes, as the app declares them', () => {
    it('are the routes the OpenAPI document describes, and every one declares its callers', async () => {
      const docs = await request(app.getHttpServer()).get('/docs-json');
      const documented = Object.entries(docs.body.paths as Record<string, object>).flatMap(
        ([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(routes.length).toBeGreaterThan(30);
      expect(routes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort()).toEqual(
        documented.sort(),
      );
      expect(routes.filter((r) => r.access === 'undeclared').map(routeName)).toEqual([]);
    });

    it('admit to each read route exactly the callers the table names', () => {
      const reads = routes.filter((r) => r.method === 'GET');
      expect(reads.map(routeName).sort()).toEqual(Object.keys(READ_ROUTES).sort());
      for (const route of reads)
        expect([routeName(route), sorted(route.access)]).toEqual([
          routeName(route),
          sorted(READ_ROUTES[routeName(route)]!),
        ]);
    });

    it('keep public only health, liveness and metrics', () => {
      expect(
        routes
          .filter((r) => r.access === 'public')
          .map(routeName)
          .sort(),
      ).toEqual(['GET /health', 'GET /health/live', 'GET /metrics']);
    });
  });

  describe('without a valid key', () => {
    it('every closed route answers 401 problem+json, with or without a header', async () => {
      const closed = routes.filter((r) => r.access !== 'public');
      for (const route of closed) {
        const target = {
          method: route.method,
          path: fillPath(route.path, { id: ownIdFor(route.path) }),
        };
        for (const key of [undefined, 'not-a-known-key']) {
          const answer = await call(target, key);
          expect([routeName(route), key, answer.status]).toEqual([routeName(route), key, 401]);
          expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(answer.headers['www-authenticate']).toBe('Bearer');
        }
        const basic = await call(target).set('Authorization', `Basic ${KEYS.admin}`);
        expect([routeName(route), basic.status]).toEqual([routeName(route), 401]);
      }
    });

    it('public routes answer anyone', async () => {
      for (const route of routes.filter((r) => r.access === 'public')) {
        const answer = await call(route);
        expect([routeName(route), answer.status]).toEqual([routeName(route), 200]);
      }
    });
  });

  describe('with a key of each role', () => {
    /** The expected guard outcome: read routes from the table, commands from their declaration. */
    const accessOf = (route: DeclaredRoute) =>
      route.method === 'GET' ? READ_ROUTES[routeName(route)]! : route.access;

    it('answers 403 to every role a route does not admit, and lets the others through', async () => {
      const seen = { admitted: 0, refused: 0 };
      for (const route of routes.filter((r) => r.access !== 'public')) {
        const ids = route.path.startsWith('/v1/partners/:id')
          ? [OWN_PARTNER, OTHER_PARTNER]
          : [ownIdFor(route.path)];
        for (const id of ids) {
          const target = { method: route.method, path: fillPath(route.path, { id }) };
          for (const role of [...NOT_ADMIN, 'admin' as const]) {
            const admitted = admits(accessOf(route), role, id === OWN_PARTNER);
            const answer = await call(target, KEYS[role]);
            const label = [routeName(route), id, role];
            if (admitted) {
              seen.admitted++;
              expect([...label, answer.status]).not.toEqual([...label, 403]);
              expect(answer.status).not.toBe(401);
              expect(answer.status).toBeLessThan(500);
            } else {
              seen.refused++;
              expect([...label, answer.status]).toEqual([...label, 403]);
              expect(answer.body.type).toBe('urn:ledger:problem:forbidden');
            }
          }
        }
      }
      // Both outcomes occur, so neither branch above is vacuous.
      expect(seen.admitted).toBeGreaterThan(50);
      expect(seen.refused).toBeGreaterThan(50);
    });

    it('checks each command of a batch against the caller, as its own endpoint does', async () => {
      const batchRoute = routes.find((r) => routeName(r) === 'POST /v1/batch')!;
      const commands = COMMAND_USE_CASES.map(({ route }) => {
        const endpoint = routes.find((r) => r.method === 'POST' && r.path === route.path);
        // The batch routes through the same table the endpoints declare.
        expect([route.path, endpoint && sorted(endpoint.access)]).toEqual([
          route.path,
          sorted(route.access),
        ]);
        return route;
      });
      for (const role of NOT_ADMIN) {
        const items = commands.map((route) => ({
          path: fillPath(route.path, { id: OWN_PARTNER }),
          body: {},
        }));
        const answer = await call({ method: 'POST', path: '/v1/batch' }, KEYS[role], {
          commands: items,
        });
        if (!admits(batchRoute.access, role, false)) {
          expect([role, answer.status]).toEqual([role, 403]);
          continue;
        }
        expect([role, answer.status]).toEqual([role, 200]);
        const statuses = (answer.body.results as { status: number }[]).map((r) => r.status);
        expect(statuses).toEqual(
          commands.map((route) => (admits(route.access, role, true) ? 400 : 403)),
        );
      }
    });
  });

  describe("a partner key and another partner's data", () => {
    const asPartner = (path: string) => call({ method: 'GET', path }, KEYS.partner);

    it.each([
      ['balance', `/v1/partners/${OTHER_PARTNER}/balance`],
      ['commissions', `/v1/partners/${OTHER_PARTNER}/commissions`],
      ['clawbacks', `/v1/partners/${OTHER_PARTNER}/clawbacks`],
      ['clawbacks across partners', `/v1/clawbacks?partnerId=${OTHER_PARTNER}`],
      ['protected accounts', `/v1/partners/${OTHER_PARTNER}/protected-accounts`],
      ['payout explanation', `/v1/payouts/${payoutOf(OTHER_PARTNER)}/explanation`],
      ["the other partner's account timeline", `/v1/accounts/${OTHER_ACCOUNT}/timeline`],
      ["the other partner's account attribution", `/v1/accounts/${OTHER_ACCOUNT}/attribution`],
      [
        "its own account's timeline, which shows every partner",
        `/v1/accounts/${OWN_ACCOUNT}/timeline`,
      ],
      ['the id in another case', `/v1/partners/${OWN_PARTNER.toUpperCase()}/balance`],
      ['the id with a trailing space', `/v1/partners/${OWN_PARTNER}%20/balance`],
      [
        'the id with an encoded slash',
        `/v1/partners/${OTHER_PARTNER}%2F..%2F${OWN_PARTNER}/balance`,
      ],
      ['the id with a homoglyph', `/v1/partners/p_${encodeURIComponent('\u0430')}cme/balance`],
    ])('is refused: %s', async (_what, path) => {
      const answer = await asPartner(path);
      expect(answer.status).toBe(403);
      expect(answer.text).not.toContain(OTHER_PARTNER.slice(2));
      expect(answer.text).not.toMatch(/\d+\.\d{2}/);
    });

    it('is not reached by a path that climbs out of its own', async () => {
      const answer = await asPartner(`/v1/partners/${OWN_PARTNER}/../${OTHER_PARTNER}/balance`);
      expect([403, 404]).toContain(answer.status);
      expect(answer.text).not.toContain('earned');
    });

    it('reads its own balance, commissions, clawbacks and payout, and only its own', async () => {
      const balance = await asPartner(`/v1/partners/${OWN_PARTNER}/balance`);
      expect(balance.status).toBe(200);
      expect(balance.body.partnerId).toBe(OWN_PARTNER);
      const commissions = await asPartner(`/v1/partners/${OWN_PARTNER}/commissions`);
      expect(commissions.status).toBe(200);
      expect(commissions.body.partnerId).toBe(OWN_PARTNER);
      const clawbacks = await asPartner(`/v1/partners/${OWN_PARTNER}/clawbacks`);
      expect(clawbacks.status).toBe(200);
      expect(clawbacks.text).not.toContain(OTHER_PARTNER);
      const payout = await asPartner(`/v1/payouts/${payoutOf(OWN_PARTNER)}/explanation`);
      expect(payout.status).toBe(200);
      expect(payout.body.partnerId).toBe(OWN_PARTNER);
      expect(payout.text).not.toContain(OTHER_PARTNER);
      expect((await asPartner('/v1/payouts/run_unknown:p_acme:USD/explanation')).status).toBe(404);
    });

    it('sees in the feed only events naming its own partner, page after page', async () => {
      const read = async (key: string) => {
        const events: { eventId: string; type: string; data: Record<string, unknown> }[] = [];
        let after = '';
        for (let page = 0; page < 100; page++) {
          const answer = await call(
            { method: 'GET', path: `/v1/feed?limit=7${after ? `&after=${after}` : ''}` },
            key,
          );
          expect(answer.status).toBe(200);
          events.push(...answer.body.events);
          if (answer.body.next === after) break;
          after = answer.body.next;
        }
        return events;
      };
      const own = await read(KEYS.partner);
      const all = await read(KEYS.manager);
      const names = (data: object, partner: string) =>
        JSON.stringify(data).includes(`"${partner}"`);

      const othersOnly = all.filter(
        (e) => names(e.data, OTHER_PARTNER) && !names(e.data, OWN_PARTNER),
      );
      expect(othersOnly.length).toBeGreaterThan(5);
      expect(new Set(own.map((e) => e.type))).toEqual(
        new Set([
          'PartnerEnrolled',
          'TouchpointRecorded',
          'AttributionDecided',
          'CommissionEarned',
          'PayoutIssued',
        ]),
      );
      expect(own.every((e) => names(e.data, OWN_PARTNER))).toBe(true);
      expect(own.filter((e) => names(e.data, OTHER_PARTNER))).toEqual([]);
      const ownIds = new Set(own.map((e) => e.eventId));
      expect(othersOnly.filter((e) => ownIds.has(e.eventId))).toEqual([]);
    });
  });

  // Last, after every request above.
  describe('afterwards', () => {
    it('has appended nothing: every request after the programme was refused or a read', async () => {
      expect(await storedEvents(store)).toEqual(afterProgram);
    });
  });
});
