import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { problem, ProblemException, PROBLEM_TYPES } from '../problems/problem';
import { ACCESS_METADATA, PUBLIC_ACCESS, type Access } from './access.decorator';
import { mayCall, scopeOf } from './access-policy';
import { ApiKeyRegistry } from './api-key-registry';
import type { ScopedRequest } from './caller-scope';
import type { Principal } from './principal';

/**
 * The global guard: every route is closed unless it says who may call it. On a `partner:scoped`
 * route it also records whose data the caller may see.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<Access[] | typeof PUBLIC_ACCESS | undefined>(
      ACCESS_METADATA,
      [context.getHandler(), context.getClass()],
    );
    if (access === PUBLIC_ACCESS) return true;
    const request = context.switchToHttp().getRequest<ScopedRequest>();
    request.principal = authenticate(request.headers.authorization, this.keys);
    authorize(request.principal, access ?? [], request.params ?? {});
    // The handler narrows its answer to this scope (see `@CallerScope()`).
    if (access?.includes('partner:scoped'))
      request.partnerScope = scopeOf(request.principal, access);
    return true;
  }
}

/** The caller behind `Authorization: Bearer <key>`, or 401. */
export function authenticate(header: string | undefined, keys: ApiKeyRegistry): Principal {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const principal = match ? keys.identify(match[1]!) : null;
  if (principal) return principal;
  throw new ProblemException(
    problem(
      401,
      PROBLEM_TYPES.unauthenticated,
      'Unauthorized',
      match ? 'The API key is not known.' : 'Send an API key as `Authorization: Bearer <key>`.',
    ),
  );
}

/** 403 unless the principal's roles admit it to a route open to `access`. */
export function authorize(
  principal: Principal,
  access: readonly Access[],
  params: Readonly<Record<string, string | undefined>>,
): void {
  if (mayCall(principal, access, params)) return;
  throw new ProblemException(
    problem(
      403,
      PROBLEM_TYPES.forbidden,
      'Forbidden',
      `This API key's role (${principal.roles.join(', ')}) may not do this.`,
    ),
  );
}
