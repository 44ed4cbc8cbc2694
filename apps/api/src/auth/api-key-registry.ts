import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyGrant, ApiRole } from '@ledger/core';
import type { Principal } from './principal';

interface KnownKey {
  digest: Buffer;
  roles: ApiRole[];
  fingerprint: string;
}

/**
 * The configured keys, held as sha256 digests. A presented key is hashed and compared with every
 * known digest by `timingSafeEqual`, without stopping at the first match: equal-length digests and
 * a fixed amount of work mean response time says nothing about how close a guess was.
 */
export class ApiKeyRegistry {
  private readonly keys: KnownKey[];

  constructor(grants: readonly ApiKeyGrant[]) {
    const byKey = new Map<string, ApiRole[]>();
    for (const { key, role } of grants) byKey.set(key, [...(byKey.get(key) ?? []), role]);
    this.keys = [...byKey].map(([key, roles]) => {
      const digest = sha256(key);
      return { digest, roles, fingerprint: digest.toString('hex').slice(0, 12) };
    });
  }

  identify(presented: string): Principal | null {
    const digest = sha256(presented);
    let found: KnownKey | null = null;
    for (const known of this.keys) {
      if (timingSafeEqual(digest, known.digest)) found = known;
    }
    return found === null ? null : { roles: found.roles, fingerprint: found.fingerprint };
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
