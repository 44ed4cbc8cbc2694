import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { LedgerCoreModule, type LedgerConfig } from '@ledger/core';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeyRegistry } from './auth/api-key-registry';
import { BatchController } from './batching-commands/batch.http.controller';
import { BatchRunner, COMMAND_ROUTE_TABLE } from './batching-commands/batch-runner';
import { CommandRouteTable } from './batching-commands/command-route-table';
import { COMMAND_USE_CASES } from './command-use-cases';
import { HealthController } from './health/health.http.controller';
import { LedgerPositionInterceptor } from './http/ledger-position.interceptor';
import { loggingOptions } from './http/logging';
import { ShutdownState } from './http/shutdown-state';
import { LedgerMetrics } from './metrics/ledger-metrics';
import { MetricsModule } from './metrics/metrics.module';
import { timeAppends } from './metrics/timed-event-store';
import { ProblemFilter } from './problems/problem.filter';
import { PayoutsModule } from './payouts/payouts.module';
import { ReadSideAccountsModule } from './read-side-accounts/read-side-accounts.module';
import { ReadSideModule } from './read-side/read-side.module';
import { LedgerValidationPipe } from './validation/validation.pipe';

/**
 * The HTTP API: command endpoints and the batch, the read side (balances, statements, timelines,
 * metrics, feed), payouts, health, Prometheus metrics and docs. The projections run in this process
 * unless `LEDGER_RUN_PROJECTIONS=false` (then `npm run start:worker` keeps them).
 */
@Module({})
export class ApiModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    // One set of metrics per application: the store decorator and the handlers share it.
    const metrics = new LedgerMetrics();
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot(loggingOptions(config.logLevel)),
        LedgerCoreModule.forRoot(config, {
          decorateStore: (store) => timeAppends(store, metrics.appendSeconds),
        }),
        MetricsModule.forRoot(metrics),
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ logger: config.logLevel !== 'silent' }),
        ReadSideModule.forRoot({ runProjections: config.runProjections }),
        ReadSideAccountsModule,
        PayoutsModule,
      ],
      controllers: [
        ...COMMAND_USE_CASES.map((useCase) => useCase.controller),
        BatchController,
        HealthController,
      ],
      providers: [
        ...COMMAND_USE_CASES.map((useCase) => useCase.handler),
        { provide: ApiKeyRegistry, useValue: new ApiKeyRegistry(config.apiKeys) },
        {
          provide: COMMAND_ROUTE_TABLE,
          useValue: new CommandRouteTable(COMMAND_USE_CASES.map((useCase) => useCase.route)),
        },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_PIPE, useClass: LedgerValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: LedgerPositionInterceptor },
        ShutdownState,
        BatchRunner,
      ],
    };
  }
}
