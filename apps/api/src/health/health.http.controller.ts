import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import { ALL_PROJECTIONS } from '@ledger/projections';
import {
  projectionStatus,
  type ProjectionStatus,
} from '@ledger/projections/runner/projection-status';
import type { ReadModelDatabase } from '@ledger/projections/runner/read-model-database';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/access.decorator';
import { ShutdownState } from '../http/shutdown-state';
import { READ_MODEL_DATABASE } from '../read-side/read-models';

/** A store that takes longer than this to answer a ping is reported unreachable. */
const PING_TIMEOUT_MS = 3000;

const PROJECTION_NAMES = ALL_PROJECTIONS.map((projection) => projection.name);

export interface HealthAnswer {
  /** `draining` once the process has begun shutting down. */
  status: 'ok' | 'error' | 'draining';
  store: { name: string; reachable: boolean };
  /**
   * Where the read models stand: the head of the log and each projection's position and lag.
   * Informational: stale reads are still reads, so lag alone does not make the API unready. Null
   * when the store could not be asked.
   */
  projections: {
    head: string;
    caughtUp: boolean;
    items: Omit<ProjectionStatus, 'version'>[];
  } | null;
}

/** Readiness and liveness for load balancers and orchestrators; both answer without a key. */
@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATABASE) private readonly readModels: ReadModelDatabase,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('/health')
  @Public()
  @ApiOperation({
    summary:
      'Readiness: 200 when the event store answers, 503 when it does not or the process is shutting down; reports projection lag',
  })
  async check(@Res() response: ServerResponse): Promise<void> {
    const reachable = await this.storeIsReachable();
    const answer: HealthAnswer = {
      status: this.shutdown.isDraining ? 'draining' : reachable ? 'ok' : 'error',
      store: { name: this.store.name, reachable },
      projections: reachable ? await this.projections() : null,
    };
    send(response, answer.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, answer);
  }

  @Get('/health/live')
  @Public()
  @ApiOperation({
    summary: 'Liveness: 200 while the process answers HTTP at all; asks nothing of the store',
  })
  live(@Res() response: ServerResponse): void {
    send(response, HttpStatus.OK, { status: 'ok' });
  }

  private async projections(): Promise<HealthAnswer['projections']> {
    try {
      const status = await projectionStatus(
        this.store,
        this.readModels.db,
        this.readModels.schema,
        PROJECTION_NAMES,
      );
      return {
        head: status.head,
        caughtUp: status.projections.every((p) => p.caughtUp),
        items: status.projections.map(({ name, position, caughtUp, lag }) => ({
          name,
          position,
          caughtUp,
          lag,
        })),
      };
    } catch {
      return null;
    }
  }

  /** Terminus runs the ping (and logs a failure); the answer keeps the ledger's own small shape. */
  private async storeIsReachable(): Promise<boolean> {
    try {
      await this.health.check([
        async () => {
          const indicator = this.indicators.check('store');
          try {
            await withTimeout(this.store.ping(), PING_TIMEOUT_MS);
            return indicator.up({ name: this.store.name });
          } catch {
            return indicator.down({ name: this.store.name });
          }
        },
      ]);
      return true;
    } catch {
      return false;
    }
  }
}

function send(response: ServerResponse, status: number, answer: object): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify(answer));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
