import pino from 'pino';
import { readLedgerConfig, type LedgerConfig } from '@ledger/core';
import { createEventStore } from '@ledger/event-store/create-event-store';
import { openReadModelDatabase } from '@ledger/projections/runner/read-model-database';
import { startProjectionRunner } from './start-projection-runner';

export { startProjectionRunner } from './start-projection-runner';
export type { StartProjectionRunnerOptions } from './start-projection-runner';

/**
 * The projection worker on its own (`npm run start:worker`): follows the log and keeps the read
 * models up to date, for deployments that scale the API out separately. SIGTERM or SIGINT finishes
 * the batch in flight, stores its checkpoint with its rows, and exits; the next start resumes there.
 */
export async function runWorker(config: LedgerConfig = readLedgerConfig()): Promise<void> {
  const log = pino({ name: 'ledger-worker', level: config.logLevel });
  const store = await createEventStore({
    databaseUrl: config.databaseUrl,
    eventstoreUrl: config.eventstoreUrl,
    dataDir: config.dataDir,
    schema: config.schema,
  });
  const readModels = await openReadModelDatabase(store, config);
  const runner = startProjectionRunner({
    store,
    readModels,
    onError: (error) => log.error({ err: error }, 'projection batch failed; retrying'),
  });
  log.info({ store: store.name, readSchema: readModels.schema }, 'projection worker started');

  let stopping: Promise<void> | null = null;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      log.info({ signal }, 'stopping: finishing the batch in flight');
      await runner.stop();
      await readModels.close();
      await store.close();
      log.info(
        { position: runner.position().globalPosition.toString() },
        'projection worker stopped',
      );
    })();
    return stopping;
  };
  await new Promise<void>((resolve, reject) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      process.once(signal, () => void shutdown(signal).then(resolve, reject));
  });
}

if (require.main === module) {
  runWorker().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
