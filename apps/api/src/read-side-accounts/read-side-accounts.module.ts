import { Module } from '@nestjs/common';
import { AccountAttributionController } from '../querying-accounts/account-attribution.http.controller';
import { AccountTimelineController } from '../querying-accounts/account-timeline.http.controller';
import { FunnelMetricsController } from '../querying-metrics/funnel-metrics.http.controller';
import { PipelineMetricsController } from '../querying-metrics/pipeline-metrics.http.controller';
import { ProtectedAccountsController } from '../querying-protected-accounts/protected-accounts.http.controller';
import { FeedController } from '../reading-the-feed/feed.http.controller';
import { AccountReadModels } from './read-models';

/**
 * The read side of accounts, protection and programme metrics (SPEC §5): the account timeline and
 * attribution, a partner's protected accounts, the pipeline and funnel metrics, and the feed. It
 * needs `LedgerCoreModule` (global: the store and the configuration), the read-model database
 * that `ReadSideModule` provides globally, and a projection runner
 * somewhere keeping the read models; queries wait for it to catch up before they answer.
 */
@Module({
  controllers: [
    AccountTimelineController,
    AccountAttributionController,
    ProtectedAccountsController,
    PipelineMetricsController,
    FunnelMetricsController,
    FeedController,
  ],
  providers: [AccountReadModels],
})
export class ReadSideAccountsModule {}
