import type { CommandRequest } from '@ledger/core/commands/command-routing';

/**
 * A journey is one actor's story told as a coroutine: a partner's life in the programme, a
 * customer's path from first touch to churn, the programme office's quarterly routine. It yields
 * what happens next — wait, send a command now, start another journey, or say that an account will
 * hear of nothing more — and the scheduler interleaves all journeys in business-time order.
 */
export type Emission =
  | { kind: 'wait'; ms: number }
  | { kind: 'command'; request: CommandRequest }
  | { kind: 'spawn'; journey: Journey; delayMs: number }
  | { kind: 'release'; accountId: string };

export type Journey = Generator<Emission, void, void>;

/** What the generator hands out: a command at its business time, or the end of an account's story. */
export type DemoStep =
  | { kind: 'command'; at: string; request: CommandRequest }
  /** No later command names this account: whoever keeps its state may drop it. */
  | { kind: 'release'; accountId: string };

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export function wait(ms: number): Emission {
  return { kind: 'wait', ms: Math.max(0, Math.round(ms)) };
}

export function waitDays(days: number): Emission {
  return wait(days * DAY_MS);
}

export function spawn(journey: Journey, delayMs = 0): Emission {
  return { kind: 'spawn', journey, delayMs: Math.max(0, Math.round(delayMs)) };
}

/** Builds a command emission; `data` is typed by the command type, exactly as the API's handlers build it. */
export function send<T extends CommandRequest['type']>(type: T, data: Extract<CommandRequest, { type: T }>['data']): Emission {
  return { kind: 'command', request: { type, data } as CommandRequest };
}

/** The business-time form every command carries: ISO-8601 UTC with milliseconds. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
