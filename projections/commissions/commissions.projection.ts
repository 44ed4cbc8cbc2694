import type { Projection } from '../projection';
import { COMMISSION_EVENT_TYPES, evolveCommissions } from './commissions.evolve';
import { COMMISSION_ADJUSTMENTS, COMMISSION_LINES, commissionsDdl } from './commissions.schema';

/** Commission lines and their reversals, clawbacks and reassignments, with causes (SPEC §5). */
export const commissionsProjection: Projection = {
  name: 'commissions',
  // 2: covering indexes for balances (same rows; a bump so existing read models get them).
  version: 2,
  tables: [COMMISSION_LINES, COMMISSION_ADJUSTMENTS],
  ddl: commissionsDdl,
  eventKeyedTables: [COMMISSION_ADJUSTMENTS],
  eventTypes: COMMISSION_EVENT_TYPES,
  evolve: evolveCommissions,
};
