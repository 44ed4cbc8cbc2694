import type { Projection } from '../projection';
import { PROTECTION_EVENT_TYPES, evolveProtection } from './protected-accounts.evolve';
import {
  PROTECTION_ENTRIES,
  PROTECTION_LISTS,
  PROTECTION_PARTNERS,
  PROTECTION_REVOCATIONS,
  protectionDdl,
} from './protected-accounts.schema';

/** Each solution partner's protected-account list and each account's protection state (SPEC §4, §5). */
export const protectedAccountsProjection: Projection = {
  name: 'protected_accounts',
  version: 1,
  tables: [PROTECTION_PARTNERS, PROTECTION_LISTS, PROTECTION_ENTRIES, PROTECTION_REVOCATIONS],
  ddl: protectionDdl,
  eventTypes: PROTECTION_EVENT_TYPES,
  evolve: evolveProtection,
};
