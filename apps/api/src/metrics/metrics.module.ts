import { Module, type DynamicModule } from '@nestjs/common';
import { LedgerMetrics } from './ledger-metrics';
import { MetricsController } from './metrics.http.controller';

/**
 * `GET /metrics` and the {@link LedgerMetrics} of this application. Global, so command handlers
 * and services anywhere in the API count their outcomes without importing it.
 */
@Module({})
export class MetricsModule {
  static forRoot(metrics: LedgerMetrics): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: LedgerMetrics, useValue: metrics }],
      exports: [LedgerMetrics],
    };
  }
}
