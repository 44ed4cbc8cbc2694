import type { Projection } from '../projection';
import { PAYOUT_EVENT_TYPES, evolvePayoutRows } from './payouts.evolve';
import {
  PAYOUTS,
  PAYOUT_CARRIED_ITEMS,
  PAYOUT_LINES,
  PAYOUT_RUNS,
  PAYOUT_SETTLEMENTS,
  payoutsDdl,
} from './payouts.schema';

/** Payouts, their lines, which items they settle, and completed runs (SPEC §4 "Payout timing", §5). */
export const payoutsProjection: Projection = {
  name: 'payouts',
  version: 1,
  tables: [PAYOUTS, PAYOUT_LINES, PAYOUT_SETTLEMENTS, PAYOUT_RUNS, PAYOUT_CARRIED_ITEMS],
  ddl: payoutsDdl,
  eventTypes: PAYOUT_EVENT_TYPES,
  evolve: evolvePayoutRows,
};
