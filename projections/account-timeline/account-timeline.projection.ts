import type { Projection } from '../projection';
import { TIMELINE_EVENT_TYPES, evolveTimeline } from './account-timeline.evolve';
import { TIMELINE_ENTRIES, timelineDdl } from './account-timeline.schema';

/** Every event of each account in commit order, with the rule of each derived event (SPEC §5). */
export const accountTimelineProjection: Projection = {
  name: 'account_timeline',
  version: 1,
  tables: [TIMELINE_ENTRIES],
  ddl: timelineDdl,
  eventKeyedTables: [TIMELINE_ENTRIES],
  eventTypes: TIMELINE_EVENT_TYPES,
  evolve: evolveTimeline,
};
