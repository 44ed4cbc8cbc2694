import { Logger, type INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { ShutdownState } from './shutdown-state';

/**
 * How long in-flight requests get to finish before their connections are cut. Below the 30 s most
 * orchestrators wait between SIGTERM and SIGKILL, leaving time to store checkpoints and close.
 */
export const DRAIN_TIMEOUT_MS = 20_000;

/** How often idle keep-alive connections are closed while draining. */
const IDLE_SWEEP_MS = 50;

/**
 * Shuts the API down without losing acknowledged work, in this order:
 * 1. readiness turns 503 and answers close their connections;
 * 2. the server stops accepting connections and waits for the requests in flight (every command
 *    it acknowledged is stored by then), cutting them only after `drainTimeoutMs`;
 * 3. `app.close()`: the projection runner finishes its batch and stores its checkpoint with it
 *    (`beforeApplicationShutdown`), then the store closes (`onApplicationShutdown`).
 * Nest's own shutdown hooks would close the read side before the server stops taking requests, and
 * end the process by re-raising the signal instead of exiting 0; hence this sequence.
 */
export async function shutDownGracefully(
  app: INestApplication,
  signal: string,
  drainTimeoutMs = DRAIN_TIMEOUT_MS,
): Promise<void> {
  const logger = new Logger('Shutdown');
  logger.log(`${signal} received: draining requests in flight`);
  app.get(ShutdownState).begin();
  const drained = await stopAccepting(app.getHttpServer() as Server, drainTimeoutMs);
  if (!drained) logger.warn(`requests still running after ${drainTimeoutMs} ms were cut`);
  logger.log('requests drained: stopping projections and closing the store');
  await app.close();
  logger.log('stopped');
}

/**
 * Exits 0 after a graceful shutdown on SIGTERM or SIGINT, 1 when the shutdown itself fails. A
 * second signal during the shutdown is ignored: the first one is already doing the work.
 */
export function exitGracefullyOnSignals(app: INestApplication): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    shutDownGracefully(app, signal).then(
      () => process.exit(0),
      (error: unknown) => {
        new Logger('Shutdown').error(
          error instanceof Error ? (error.stack ?? error.message) : String(error),
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * Closes the listening socket and resolves once every connection has ended: true when they all
 * finished their requests, false when the deadline cut them. Idle keep-alive connections are
 * closed as they appear, since a client would otherwise hold them open indefinitely.
 */
function stopAccepting(server: Server, drainTimeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let cut = false;
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      cut = true;
      server.closeAllConnections();
    }, drainTimeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve(!cut);
    });
    server.closeIdleConnections();
  });
}
