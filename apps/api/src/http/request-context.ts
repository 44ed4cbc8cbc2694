import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { actorOf, type Principal } from '../auth/principal';
import type { LedgerRequest } from './ledger-request';

/** Who asked and under which correlation id: what a command handler passes on to the ledger. */
export interface RequestContext {
  principal: Principal;
  actor: string;
  correlationId: string;
}

export function contextOf(request: LedgerRequest): RequestContext {
  const principal = request.principal;
  // The guard runs before any handler that asks for a context; no principal means a public route.
  if (!principal)
    throw new Error('a command context was asked for on a route without authentication');
  return {
    principal,
    actor: actorOf(principal),
    correlationId: String(request.id ?? randomUUID()),
  };
}

/** Injects the {@link RequestContext} of the current request. */
export const CommandContext = createParamDecorator((_data: unknown, host: ExecutionContext) =>
  contextOf(host.switchToHttp().getRequest<LedgerRequest>()),
);
