import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Next = (error?: unknown) => void;

/**
 * Whether the process is shutting down. Once it is, readiness answers 503 so a load balancer stops
 * sending new work, and every answer closes its connection so keep-alive clients reconnect to
 * another replica instead of to a port that is about to go away.
 */
@Injectable()
export class ShutdownState {
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  begin(): void {
    this.draining = true;
  }
}

/** Adds `Connection: close` to every answer sent while the process drains. */
export function closeConnectionsWhileDraining(state: ShutdownState) {
  return (_request: IncomingMessage, response: ServerResponse, next: Next): void => {
    if (state.isDraining) response.setHeader('connection', 'close');
    next();
  };
}
