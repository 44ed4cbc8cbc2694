import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { readLedgerConfig, type LedgerConfig } from '@ledger/core';
import { ApiModule } from './app.module';
import { withGeneratedAdminKey } from './auth/generated-admin-key';
import { answerClientErrorsAsProblems } from './http/client-errors';
import { exitGracefullyOnSignals } from './http/graceful-shutdown';
import { jsonBody } from './http/json-body.middleware';
import { mountOpenApi } from './http/openapi';
import { closeConnectionsWhileDraining, ShutdownState } from './http/shutdown-state';
import { httpMetrics } from './metrics/http-metrics.middleware';
import { LedgerMetrics } from './metrics/ledger-metrics';

/** Ordinary command bodies are small; a batch of up to 1,000 commands gets more room. */
const BODY_LIMIT = '1mb';
const BATCH_BODY_LIMIT = '5mb';

/**
 * Builds the API around a configuration without listening, so that `main`, the e2e specs and the
 * CLI's `ledger serve` all run exactly the same application.
 */
export async function createApp(config: LedgerConfig): Promise<NestExpressApplication> {
  const effective = withGeneratedAdminKey(config, (line) => process.stdout.write(`${line}\n`));
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(effective), {
    bodyParser: false,
    bufferLogs: true,
    // Throw instead of exiting, so a caller (a spec, `ledger serve`) decides what a failed start means.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // First, so that answers the body parser gives (413, 415) are timed and drained like the rest.
  app.use(httpMetrics(app.get(LedgerMetrics)));
  app.use(closeConnectionsWhileDraining(app.get(ShutdownState)));
  // The batch route is matched first: the second parser skips a body that is already parsed.
  app.use('/v1/batch', jsonBody(BATCH_BODY_LIMIT));
  app.use(jsonBody(BODY_LIMIT));
  answerClientErrorsAsProblems(app.getHttpServer());
  mountOpenApi(app);
  return app;
}

/**
 * Starts the API and listens on the configured port: `npm start` and `ledger serve`. SIGTERM or
 * SIGINT drains the requests in flight, stores the projections' checkpoints, closes the store and
 * exits 0 (see `shutDownGracefully`).
 */
export async function bootstrap(
  config: LedgerConfig = readLedgerConfig(),
): Promise<NestExpressApplication> {
  const app = await createApp(config);
  exitGracefullyOnSignals(app);
  await app.listen(config.port);
  return app;
}

if (require.main === module) {
  bootstrap().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
