import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { projectionStatus } from '@ledger/projections/runner/projection-status';
import type { ReadModelDatabase } from '@ledger/projections/runner/read-model-database';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/access.decorator';
import { READ_MODEL_DATABASE } from '../read-side/read-models';
import { LedgerMetrics } from './ledger-metrics';

const PROJECTION_NAMES = ALL_PROJECTIONS.map((projection) => projection.name);

/**
 * Prometheus text (SPEC §5). Public like `/health`: every role that holds a key may also write to or
 * read from the ledger, so a scraper given one would hold more than it needs, while the metrics carry
 * no partner data — counts, durations and lag, labelled by command type, route template, status and
 * projection. Limiting who can reach the port is the protection that fits (docs/decisions.md).
 */
@ApiTags('operations')
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: LedgerMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATABASE) private readonly readModels: ReadModelDatabase,
  ) {}

  @Get('/metrics')
  @Public()
  @ApiOperation({
    summary:
      'Prometheus metrics: append latency, commands by outcome, HTTP durations, projection lag, process',
  })
  async scrape(@Res() response: ServerResponse): Promise<void> {
    await this.refreshProjectionLag();
    const body = await this.metrics.scrape();
    response.statusCode = 200;
    response.setHeader('content-type', this.metrics.contentType);
    response.setHeader('cache-control', 'no-store');
    response.end(body);
  }

  /**
   * Lag is measured at the scrape, from the stored checkpoints, so it is right whichever process
   * runs the projections. When the store cannot answer, the series are dropped rather than left
   * showing the last value: a missing series alerts, a stale one reassures.
   */
  private async refreshProjectionLag(): Promise<void> {
    try {
      const status = await projectionStatus(
        this.store,
        this.readModels.db,
        this.readModels.schema,
        PROJECTION_NAMES,
      );
      for (const projection of status.projections) {
        this.metrics.projectionLag.set({ projection: projection.name }, projection.lag);
        this.metrics.projectionCaughtUp.set(
          { projection: projection.name },
          projection.caughtUp ? 1 : 0,
        );
      }
    } catch {
      this.metrics.projectionLag.reset();
      this.metrics.projectionCaughtUp.reset();
    }
  }
}
