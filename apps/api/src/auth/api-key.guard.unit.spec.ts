import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../problems/problem';
import { AllowedFor, Public } from './access.decorator';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyRegistry } from './api-key-registry';
import { assertInScope } from './caller-scope';

class Routes {
  @Public()
  health(): void {}

  @AllowedFor('ingest')
  recordPayment(): void {}

  @AllowedFor('ingest', 'manager')
  submitDealRegistration(): void {}

  @AllowedFor('manager', 'finance', 'partner:self')
  partnerBalance(): void {}

  @AllowedFor('manager', 'finance', 'partner:scoped')
  feed(): void {}

  /** A route someone forgot to declare: closed to everyone but admin. */
  undeclared(): void {}
}

const keys = new ApiKeyRegistry([
  { key: 'ingest-key', role: 'ingest' },
  { key: 'manager-key', role: 'manager' },
  { key: 'admin-key', role: 'admin' },
  { key: 'acme-key', role: 'partner:p_acme' },
  { key: 'finance-key', role: 'finance' },
  // A reseller holding two partners, and an ingest service that is also a partner.
  { key: 'group-key', role: 'partner:p_acme' },
  { key: 'group-key', role: 'partner:p_globex' },
  { key: 'ingest-partner-key', role: 'ingest' },
  { key: 'ingest-partner-key', role: 'partner:p_acme' },
  // One key may hold several roles.
  { key: 'ops-key', role: 'finance' },
  { key: 'ops-key', role: 'ingest' },
]);
const guard = new ApiKeyGuard(new Reflector(), keys);

type Request = {
  headers: { authorization?: string };
  params?: Record<string, string>;
  principal?: unknown;
  partnerScope?: unknown;
};

function contextFor(route: keyof Routes, request: Request): ExecutionContext {
  return {
    getHandler: () => Routes.prototype[route],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

function statusOf(
  route: keyof Routes,
  authorization?: string,
  params?: Record<string, string>,
): number {
  try {
    guard.canActivate(contextFor(route, { headers: { authorization }, params }));
    return 200;
  } catch (error) {
    if (error instanceof ProblemException) return error.problem.status;
    throw error;
  }
}

describe('ApiKeyGuard', () => {
  it('lets anyone reach a public route', () => {
    expect(statusOf('health')).toBe(200);
  });

  it('answers 401 without a key, with a malformed header, or with an unknown key', () => {
    expect(statusOf('recordPayment')).toBe(401);
    expect(statusOf('recordPayment', 'ingest-key')).toBe(401);
    expect(statusOf('recordPayment', 'Basic aW5nZXN0LWtleQ==')).toBe(401);
    expect(statusOf('recordPayment', 'Bearer ingest-kex')).toBe(401);
    expect(statusOf('recordPayment', 'Bearer ingest-key-and-more')).toBe(401);
  });

  it('admits the roles a route declares and answers 403 to the others', () => {
    expect(statusOf('recordPayment', 'Bearer ingest-key')).toBe(200);
    expect(statusOf('recordPayment', 'bearer ingest-key')).toBe(200);
    expect(statusOf('recordPayment', 'Bearer manager-key')).toBe(403);
    expect(statusOf('submitDealRegistration', 'Bearer manager-key')).toBe(200);
  });

  it('lets admin do everything, even an undeclared route, which stays closed to the rest', () => {
    expect(statusOf('recordPayment', 'Bearer admin-key')).toBe(200);
    expect(statusOf('undeclared', 'Bearer admin-key')).toBe(200);
    expect(statusOf('undeclared', 'Bearer manager-key')).toBe(403);
  });

  it("gives a partner key its own partner's data and nothing else", () => {
    expect(statusOf('partnerBalance', 'Bearer acme-key', { id: 'p_acme' })).toBe(200);
    expect(statusOf('partnerBalance', 'Bearer acme-key', { id: 'p_globex' })).toBe(403);
    expect(statusOf('recordPayment', 'Bearer acme-key')).toBe(403);
  });

  it('admits a partner key to a partner:scoped route whatever its parameters', () => {
    expect(statusOf('feed', 'Bearer acme-key')).toBe(200);
    expect(statusOf('feed', 'Bearer acme-key', { id: 'p_globex' })).toBe(200);
    expect(statusOf('feed', 'Bearer finance-key')).toBe(200);
    expect(statusOf('feed', 'Bearer ingest-key')).toBe(403);
    expect(statusOf('feed')).toBe(401);
  });

  it.each([
    ['acme-key', { kind: 'partners', partnerIds: new Set(['p_acme']) }],
    ['group-key', { kind: 'partners', partnerIds: new Set(['p_acme', 'p_globex']) }],
    // Ingest may not read the feed on its own, so its partner role is all it brings.
    ['ingest-partner-key', { kind: 'partners', partnerIds: new Set(['p_acme']) }],
    ['finance-key', { kind: 'all' }],
    ['admin-key', { kind: 'all' }],
    // A role the route admits on its own reads everything, beside any partner role.
    ['ops-key', { kind: 'all' }],
  ])('scopes %s on a partner:scoped route', (key, scope) => {
    const request: Request = { headers: { authorization: `Bearer ${key}` } };
    guard.canActivate(contextFor('feed', request));
    expect(request.partnerScope).toEqual(scope);
  });

  it('gives no scope on routes that are not partner:scoped', () => {
    const request: Request = {
      headers: { authorization: 'Bearer acme-key' },
      params: { id: 'p_acme' },
    };
    guard.canActivate(contextFor('partnerBalance', request));
    expect(request.partnerScope).toBeUndefined();
  });

  it('honours every role of a key that holds several', () => {
    expect(statusOf('recordPayment', 'Bearer ops-key')).toBe(200);
    expect(statusOf('partnerBalance', 'Bearer ops-key', { id: 'p_acme' })).toBe(200);
  });

  it('attaches the caller, identified by a fingerprint and never by the key', () => {
    const request: Request = { headers: { authorization: 'Bearer manager-key' } };
    guard.canActivate(contextFor('submitDealRegistration', request));
    expect(request.principal).toEqual({
      roles: ['manager'],
      fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    expect(JSON.stringify(request.principal)).not.toContain('manager-key');
  });
});

describe('assertInScope', () => {
  const acme = { kind: 'partners', partnerIds: new Set(['p_acme']) } as const;

  it("lets a scope read its partners' data and answers 403 for any other partner", () => {
    expect(() => assertInScope(acme, 'p_acme')).not.toThrow();
    expect(() => assertInScope({ kind: 'all' }, 'p_globex')).not.toThrow();
    let refused: unknown;
    try {
      assertInScope(acme, 'p_globex');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ProblemException);
    expect((refused as ProblemException).problem.status).toBe(403);
    // The refusal names neither partner.
    expect(JSON.stringify((refused as ProblemException).problem)).not.toMatch(/p_acme|p_globex/);
  });
});

describe('ApiKeyRegistry', () => {
  it('tells apart keys that share a prefix or differ in length', () => {
    const registry = new ApiKeyRegistry([
      { key: 'abc', role: 'ingest' },
      { key: 'abcd', role: 'finance' },
    ]);
    expect(registry.identify('abc')?.roles).toEqual(['ingest']);
    expect(registry.identify('abcd')?.roles).toEqual(['finance']);
    expect(registry.identify('ab')).toBeNull();
    expect(registry.identify('')).toBeNull();
  });
});
