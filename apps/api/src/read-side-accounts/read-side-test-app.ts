/**
 * The whole API (createApp), on a throw-away store, with its in-process projection runner keeping
 * the read models unless `runner: false`.
 * Commands go through the core command service, the same path the HTTP command endpoints use.
 */
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  EVENT_STORE,
  LedgerCommands,
  type CommandRequest,
  type LedgerConfig,
} from '@ledger/core';
import { createApp } from '../main';
import type { EventStore } from '@ledger/event-store/port';
import { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { accountAttributionProjection } from '@ledger/projections/account-attribution/account-attribution.projection';
import { accountTimelineProjection } from '@ledger/projections/account-timeline/account-timeline.projection';
import { partnerFunnelProjection } from '@ledger/projections/partner-funnel/partner-funnel.projection';
import { pipelineMetricsProjection } from '@ledger/projections/pipeline-metrics/pipeline-metrics.projection';
import { protectedAccountsProjection } from '@ledger/projections/protected-accounts/protected-accounts.projection';

export const READ_SIDE_PROJECTIONS = [
  accountTimelineProjection,
  accountAttributionProjection,
  protectedAccountsProjection,
  pipelineMetricsProjection,
  partnerFunnelProjection,
];

export interface ReadSideTestApp {
  app: INestApplication;
  store: EventStore;
  /** Runs a command; fails the spec when it is refused. */
  execute(command: CommandRequest): Promise<void>;
  get(path: string, key: string): request.Test;
  close(): Promise<void>;
}

/** `runner: false` leaves keeping the read models to the caller (a benchmark that fills them itself). */
export async function startReadSideApp(
  config: LedgerConfig,
  options: { runner?: boolean } = {},
): Promise<ReadSideTestApp> {
  const app: INestApplication = await createApp({ ...config, runProjections: options.runner !== false });
  await app.init();
  const store = app.get<EventStore>(EVENT_STORE);
  if (!(store instanceof SqlEventStore))
    throw new Error('the read-side spec runs on PGlite or PostgreSQL');
  const commands = app.get(LedgerCommands);
  return {
    app,
    store,
    async execute(command) {
      const outcome = await commands.execute(command, { actor: 'spec' });
      if (outcome.kind !== 'accepted')
        throw new Error(`${command.type} refused: ${JSON.stringify(outcome)}`);
    },
    get: (path, key) =>
      request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${key}`),
    close: () => app.close(),
  };
}
