import type { Projection } from '../projection';
import { ATTRIBUTION_EVENT_TYPES, evolveAttribution } from './account-attribution.evolve';
import {
  ATTRIBUTION_ACCOUNTS,
  ATTRIBUTION_DECISIONS,
  attributionDdl,
} from './account-attribution.schema';

/** Who sourced and who influenced each account, now and as it stood at any earlier time (SPEC §5). */
export const accountAttributionProjection: Projection = {
  name: 'account_attribution',
  version: 1,
  tables: [ATTRIBUTION_DECISIONS, ATTRIBUTION_ACCOUNTS],
  ddl: attributionDdl,
  eventKeyedTables: [ATTRIBUTION_DECISIONS],
  eventTypes: ATTRIBUTION_EVENT_TYPES,
  evolve: evolveAttribution,
};
