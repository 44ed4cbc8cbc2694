import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { LedgerRequest } from '../http/ledger-request';
import { problem, ProblemException, PROBLEM_TYPES } from '../problems/problem';

/**
 * Whose data the caller of a `partner:scoped` route may see: everything, or only the data of the
 * partners its `partner:<id>` roles name.
 */
export type PartnerScope = { kind: 'all' } | { kind: 'partners'; partnerIds: ReadonlySet<string> };

/** The request once the API key guard has admitted it to a `partner:scoped` route. */
export interface ScopedRequest extends LedgerRequest {
  partnerScope?: PartnerScope;
}

/**
 * Injects the caller's {@link PartnerScope}. Only a route declared `partner:scoped` has one: asking
 * for it anywhere else is a programming error, not something a caller can cause.
 */
export const CallerScope = createParamDecorator(
  (_data: unknown, host: ExecutionContext): PartnerScope => {
    const scope = host.switchToHttp().getRequest<ScopedRequest>().partnerScope;
    if (!scope) throw new Error('@CallerScope() is used on a route not declared partner:scoped');
    return scope;
  },
);

export function inScope(scope: PartnerScope, partnerId: string): boolean {
  return scope.kind === 'all' || scope.partnerIds.has(partnerId);
}

/** 403 unless the scope covers `partnerId`: a partner key asking for another partner's data. */
export function assertInScope(scope: PartnerScope, partnerId: string): void {
  if (inScope(scope, partnerId)) return;
  throw new ProblemException(
    problem(
      403,
      PROBLEM_TYPES.forbidden,
      'Forbidden',
      "This API key may read its own partner's data only.",
    ),
  );
}
