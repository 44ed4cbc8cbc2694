import type { ApiRole } from '@ledger/core';

/** The caller behind a valid API key. */
export interface Principal {
  roles: ApiRole[];
  /**
   * A short sha256 fingerprint of the key: lets an audit tell two services' keys apart without
   * storing anything that helps to guess the key.
   */
  fingerprint: string;
}

/** What events record as `actor`: the roles and the key's fingerprint, never the key. */
export function actorOf(principal: Principal): string {
  return `api:${principal.roles.join('+')}@${principal.fingerprint}`;
}
