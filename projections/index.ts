import { commissionsProjection } from './commissions/commissions.projection';
import { journalProjection } from './journal/journal.projection';
import { partnerHoldsProjection } from './partner-balances/partner-holds.projection';
import type { Projection } from './projection';
import { payoutsProjection } from './payouts';
import { accountTimelineProjection } from './account-timeline/account-timeline.projection';
import { accountAttributionProjection } from './account-attribution/account-attribution.projection';
import { protectedAccountsProjection } from './protected-accounts/protected-accounts.projection';
import { pipelineMetricsProjection } from './pipeline-metrics/pipeline-metrics.projection';
import { partnerFunnelProjection } from './partner-funnel/partner-funnel.projection';

/**
 * Every read model the runner keeps, in the order their tables are created. A projection is added
 * by appending it here; nothing else needs to know.
 */
export const ALL_PROJECTIONS: readonly Projection[] = [
  commissionsProjection,
  partnerHoldsProjection,
  journalProjection,
  accountTimelineProjection,
  accountAttributionProjection,
  protectedAccountsProjection,
  pipelineMetricsProjection,
  partnerFunnelProjection,
  payoutsProjection,
];
