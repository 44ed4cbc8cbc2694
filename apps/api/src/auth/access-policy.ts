import type { Access } from './access.decorator';
import type { PartnerScope } from './caller-scope';
import type { Principal } from './principal';

const PARTNER_ROLE_PREFIX = 'partner:';

/**
 * Whether `principal` may call a route open to `allowed`. `admin` may do everything; a partner key
 * reaches a `partner:self` route only for its own partner id, and any `partner:scoped` route.
 */
export function mayCall(
  principal: Principal,
  allowed: readonly Access[],
  params: Readonly<Record<string, string | undefined>>,
): boolean {
  return principal.roles.some((role) => {
    if (role === 'admin') return true;
    if (role.startsWith(PARTNER_ROLE_PREFIX)) {
      if (allowed.includes('partner:scoped')) return true;
      return (
        allowed.includes('partner:self') &&
        params.id !== undefined &&
        role === `${PARTNER_ROLE_PREFIX}${params.id}`
      );
    }
    return (allowed as readonly string[]).includes(role);
  });
}

/**
 * What a caller admitted to a `partner:scoped` route may see: everything when one of its roles is
 * admitted on its own (admin, or a role the route lists), else only the data of its partners.
 */
export function scopeOf(principal: Principal, allowed: readonly Access[]): PartnerScope {
  const unrestricted = principal.roles.some(
    (role) =>
      role === 'admin' ||
      (!role.startsWith(PARTNER_ROLE_PREFIX) && (allowed as readonly string[]).includes(role)),
  );
  if (unrestricted) return { kind: 'all' };
  const partnerIds = principal.roles
    .filter((role) => role.startsWith(PARTNER_ROLE_PREFIX))
    .map((role) => role.slice(PARTNER_ROLE_PREFIX.length));
  return { kind: 'partners', partnerIds: new Set(partnerIds) };
}
