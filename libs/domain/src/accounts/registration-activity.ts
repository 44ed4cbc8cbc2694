import { REGISTRATION_EXPIRY_DAYS } from '../program/rules';
import { addDays, toMs } from '../shared/time';
import type { AccountState, RegistrationFact } from './account.state';

/** An accepted registration lapses this long after acceptance (its `submittedAt`) without a won opportunity. */
export function expiryOf(submittedAt: string): string {
  return addDays(submittedAt, REGISTRATION_EXPIRY_DAYS);
}

/** True when the registration was accepted, whatever happened to it afterwards. */
export function wasAccepted(
  registration: RegistrationFact,
): registration is RegistrationFact & { accepted: NonNullable<RegistrationFact['accepted']> } {
  return registration.accepted !== null;
}

/**
 * True when an opportunity of the account was won while the registration protected it
 * (from its acceptance until just before `expiresAt`): the registration then never lapses.
 */
export function wasConverted(state: AccountState, registration: RegistrationFact): boolean {
  if (!wasAccepted(registration)) return false;
  const fromMs = toMs(registration.submitted.at);
  const untilMs = toMs(registration.accepted.expiresAt);
  return state.opportunities.some((o) => {
    if (o.closed?.outcome !== 'won') return false;
    const wonMs = toMs(o.closed.at);
    return wonMs >= fromMs && wonMs < untilMs;
  });
}

/**
 * True when the registration holds the account at `at`: accepted, and either `at` is before its
 * expiry or it was converted by a win. An accepted registration holds the account even against a
 * registration back-dated before it, because the first to arrive wins (SPEC §4 rule 5).
 */
export function isActiveAt(
  state: AccountState,
  registration: RegistrationFact,
  at: string,
): boolean {
  if (!wasAccepted(registration)) return false;
  return toMs(at) < toMs(registration.accepted.expiresAt) || wasConverted(state, registration);
}

/** Accepted registrations that have lapsed by `at` but whose expiry is not recorded yet, in expiry order. */
export function lapsedBy(state: AccountState, at: string): RegistrationFact[] {
  return state.registrations
    .filter((r) => r.status === 'accepted' && !isActiveAt(state, r, at))
    .sort(
      (a, b) =>
        toMs(a.accepted!.expiresAt) - toMs(b.accepted!.expiresAt) ||
        a.accepted!.seq - b.accepted!.seq,
    );
}
