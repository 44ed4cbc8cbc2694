import { Module } from '@nestjs/common';
import { EVENT_STORE, LEDGER_CONFIG, type LedgerConfig } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import { ClosePayoutController } from '../closing-payouts/close-payout.http.controller';
import { ClosePayoutService } from '../closing-payouts/close-payout.service';
import { ExplainPayoutService } from '../explaining-payouts/explain-payout.service';
import { PayoutExplanationController } from '../explaining-payouts/payout-explanation.http.controller';
import { RunPayoutsController } from '../running-payouts/run-payouts.http.controller';
import { RunPayoutsService } from '../running-payouts/run-payouts.service';
import { PAYOUT_READ_MODELS, storeReadModels } from './payout-read-models';

/**
 * Payouts: runs (`POST /v1/payout-runs`), closing a payout (`/v1/payouts/{id}/paid` · `/failed`) and
 * explanations (`GET /v1/payouts/{id}/explanation`). Relies on the global `LedgerCoreModule` for the
 * store and configuration, and on a projection runner keeping the `commissions` and `payouts` read
 * models (`PAYOUT_READ_MODELS` defaults to those beside the events in the store's own database).
 */
@Module({
  controllers: [RunPayoutsController, ClosePayoutController, PayoutExplanationController],
  providers: [
    RunPayoutsService,
    ClosePayoutService,
    ExplainPayoutService,
    {
      provide: PAYOUT_READ_MODELS,
      inject: [EVENT_STORE, LEDGER_CONFIG],
      useFactory: (store: EventStore, config: LedgerConfig) => storeReadModels(store, config),
    },
  ],
  exports: [RunPayoutsService, ClosePayoutService, ExplainPayoutService],
})
export class PayoutsModule {}
