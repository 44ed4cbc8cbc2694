import type { Projection } from '../projection';
import { FUNNEL_EVENT_TYPES, evolveFunnel } from './partner-funnel.evolve';
import { FUNNEL_TABLES, funnelDdl } from './partner-funnel.schema';

/** Fact rows behind `GET /v1/metrics/funnel` (definitions in partner-funnel.query.ts). */
export const partnerFunnelProjection: Projection = {
  name: 'partner_funnel',
  version: 1,
  tables: Object.values(FUNNEL_TABLES),
  ddl: funnelDdl,
  eventTypes: FUNNEL_EVENT_TYPES,
  evolve: evolveFunnel,
};
