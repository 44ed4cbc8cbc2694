import { SetMetadata } from '@nestjs/common';

/**
 * Who may call a route, besides `admin` (who may call everything). A `partner:<id>` key gets in
 * only through one of the two partner kinds:
 * - `partner:self` admits it when the route's `:id` is that partner: its own data and nobody else's.
 * - `partner:scoped` admits it whatever the route's parameters are, and the handler answers with
 *   that partner's data only, reading the caller's {@link PartnerScope} through `@CallerScope()`.
 *   It is for routes whose `:id` is not a partner id (a payout) or that have none (the feed).
 */
export type Access = 'ingest' | 'manager' | 'finance' | 'partner:self' | 'partner:scoped';

export const ACCESS_METADATA = 'ledger:access';
export const PUBLIC_ACCESS = 'public';

/** Every route declares its callers; a route without this (or `@Public()`) answers 403 to all but admin. */
export const AllowedFor = (...access: Access[]) => SetMetadata(ACCESS_METADATA, access);

/** Health and docs answer without a key. */
export const Public = () => SetMetadata(ACCESS_METADATA, PUBLIC_ACCESS);
