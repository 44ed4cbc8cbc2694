import type { LedgerEvent } from '../messages/events';

/**
 * A refusal: the command breaks a rule and nothing is recorded. `code` is stable
 * (`registration.late`, `protected_accounts.limit_exceeded`); codes ending in `.not_found` mean an
 * unknown id (HTTP 404), every other code is a business-rule refusal (HTTP 422).
 */
export interface Refusal {
  kind: 'refused';
  code: string;
  message: string;
  /** The input field the refusal is about, when there is one. */
  field?: string;
  details?: { [key: string]: unknown };
}

export interface Accepted {
  kind: 'accepted';
  events: LedgerEvent[];
  /** What the command answers besides `eventIds` (e.g. `{ status: 'rejected', reason: 'late' }`). */
  reply: { status: string; [key: string]: unknown };
  /** Lookup keys claimed with these events (`payment:pay_1`). */
  keys?: string[];
}

export type Decision = Accepted | Refusal;

export function refuse(code: string, message: string, field?: string, details?: Refusal['details']): Refusal {
  return { kind: 'refused', code, message, field, details };
}

export function accept(events: LedgerEvent[], reply: Accepted['reply'] = { status: 'recorded' }, keys?: string[]): Accepted {
  return { kind: 'accepted', events, reply, keys };
}

/** Ends a `switch` over a discriminated union: adding a variant without a case fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}
