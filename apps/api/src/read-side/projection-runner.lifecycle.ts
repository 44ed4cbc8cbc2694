import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import type { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import type { ReadModelDatabase } from '@ledger/projections/runner/read-model-database';
import { startProjectionRunner } from '../../../worker/src/start-projection-runner';
import { READ_MODEL_DATABASE } from './read-models';

/** Whether this process also runs the projections (see {@link ReadSideModule.forRoot}). */
export const RUN_PROJECTIONS = Symbol('RUN_PROJECTIONS');

/**
 * Runs the projections inside the API process, so that `npm start` alone keeps the read models
 * fresh. Stopped before the store closes: the batch in flight commits with its checkpoint.
 */
@Injectable()
export class ProjectionRunnerLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger('Projections');
  private runner: ProjectionRunner | null = null;

  constructor(
    @Inject(RUN_PROJECTIONS) private readonly enabled: boolean,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATABASE) private readonly readModels: ReadModelDatabase,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.runner = startProjectionRunner({
      store: this.store,
      readModels: this.readModels,
      onError: (error) =>
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
    this.runner = null;
    await this.readModels.close();
  }
}
