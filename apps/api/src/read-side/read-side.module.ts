import { Module, type DynamicModule } from '@nestjs/common';
import { EVENT_STORE, LEDGER_CONFIG, type LedgerConfig } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import { openReadModelDatabase } from '@ledger/projections/runner/read-model-database';
import { ClawbacksController } from '../querying-clawbacks/clawbacks.http.controller';
import { PartnerBalanceController } from '../querying-balances/partner-balance.http.controller';
import { PartnerCommissionsController } from '../querying-commissions/partner-commissions.http.controller';
import { ProjectionRunnerLifecycle, RUN_PROJECTIONS } from './projection-runner.lifecycle';
import { READ_MODEL_DATABASE, ReadModels } from './read-models';

export interface ReadSideOptions {
  /**
   * Also run the projections in this process (default true). Safe on PostgreSQL even beside a
   * separate worker: one runner owns the projections, the others stand by.
   */
  runProjections?: boolean;
}

/**
 * The money read side over HTTP: partner balances, commission lines and clawbacks (SPEC §5), read
 * from the projections' tables, with `asOf` / `knownAt` and read-your-writes `waitFor`. Needs the
 * global `LedgerCoreModule` (store and configuration).
 */
@Module({})
export class ReadSideModule {
  static forRoot(options: ReadSideOptions = {}): DynamicModule {
    return {
      module: ReadSideModule,
      // Global: every read-side module queries the one read-model database this module opens.
      global: true,
      controllers: [PartnerBalanceController, PartnerCommissionsController, ClawbacksController],
      providers: [
        {
          provide: READ_MODEL_DATABASE,
          inject: [EVENT_STORE, LEDGER_CONFIG],
          useFactory: (store: EventStore, config: LedgerConfig) =>
            openReadModelDatabase(store, config),
        },
        { provide: RUN_PROJECTIONS, useValue: options.runProjections ?? true },
        ReadModels,
        ProjectionRunnerLifecycle,
      ],
      exports: [ReadModels, READ_MODEL_DATABASE],
    };
  }
}
