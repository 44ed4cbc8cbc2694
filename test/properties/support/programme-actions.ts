import Decimal from 'decimal.js';
import type { CommandRequest } from '@ledger/core';
import type { PayoutRunTerms } from '@ledger/domain/payouts';
import { ACCOUNTS, PARTNERS, type Currency, type PayoutClosing } from './programme.arbitrary';

/** What the model expects of an action: a definite answer, or either (rules it does not model). */
export type Expectation = 'accepted' | 'any' | { refused: string };

/** What the ledger is asked to do: a command of the application layer, or a payout service call. */
export type Action =
  | { kind: 'command'; request: CommandRequest; expect: Expectation }
  | { kind: 'payoutRun'; terms: PayoutRunTerms }
  /** Which payout is decided when it is performed: the payouts open by then are known only then. */
  | { kind: 'closePayout'; closing: PayoutClosing };

export function command(expect: Expectation, request: CommandRequest): Action {
  return { kind: 'command', request, expect };
}

/** Business time: generated steps count hours from the programme's start. */
export const START_MS = Date.parse('2026-01-05T00:00:00.000Z');
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const ENROLLED_AT = '2026-01-01T00:00:00.000Z';

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function at(hour: number): string {
  return iso(START_MS + hour * HOUR_MS);
}

const DECIMALS: Record<Currency, number> = { USD: 2, JPY: 0, BHD: 3 };

/** `minor` minor units of the currency as a decimal string with its exact number of decimals. */
export function amountOf(minor: number, currency: Currency): string {
  const places = DECIMALS[currency];
  return new Decimal(minor).div(new Decimal(10).pow(places)).toFixed(places);
}

/** A programme's ids, under its prefix, so that two programmes can share one ledger without meeting. */
export class ProgrammeIds {
  constructor(readonly prefix: string) {}

  partner(i: number): string {
    return `${this.prefix}p${i % PARTNERS}`;
  }

  account(i: number): string {
    return `${this.prefix}a${i % ACCOUNTS}`;
  }

  /** The id of the `n`-th step's entity of a kind (`tp7`, `pay12`). */
  of(kind: string, n: number): string {
    return `${this.prefix}${kind}${n}`;
  }
}
