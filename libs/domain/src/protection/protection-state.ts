import type { LedgerEvent } from '../messages/events';

/** One account on a partner's protected list. Protection lapses at a quarterly review without pipeline movement. */
export interface ProtectedAccount {
  accountId: string;
  status: 'protected' | 'revoked';
  /** Business time of the submission that listed the account. */
  protectedAt: string;
  /** When protection lapsed (the end of the reviewed quarter), and in which quarter's review. */
  revokedAt: string | null;
  revokedInQuarter: string | null;
}

/** A solution partner's current list: the latest submission replaces the previous one whole. */
export interface ProtectionList {
  partnerId: string;
  submissionId: string;
  quarter: string;
  submittedAt: string;
  /** The `ProtectedAccountsSubmitted` event, cited by revocations. */
  eventId: string;
  accounts: readonly ProtectedAccount[];
}

/** Folded from the single `protected-accounts` stream, so "one partner per account" is checked atomically. */
export interface ProtectionState {
  lists: ReadonlyMap<string, ProtectionList>;
}

export function initialProtectionState(): ProtectionState {
  return { lists: new Map() };
}

export function evolveProtection(state: ProtectionState, event: LedgerEvent): ProtectionState {
  switch (event.type) {
    case 'ProtectedAccountsSubmitted': {
      const { partnerId, submissionId, quarter, accountIds } = event.data;
      const accounts = accountIds.map((accountId) => ({ accountId, status: 'protected' as const, protectedAt: event.occurredAt, revokedAt: null, revokedInQuarter: null }));
      const list: ProtectionList = { partnerId, submissionId, quarter, submittedAt: event.occurredAt, eventId: event.eventId, accounts };
      return { lists: new Map(state.lists).set(partnerId, list) };
    }
    case 'ProtectionRevoked': {
      const list = state.lists.get(event.data.partnerId);
      if (!list) return state;
      const accounts = list.accounts.map((account) =>
        account.accountId === event.data.accountId
          ? { ...account, status: 'revoked' as const, revokedAt: event.occurredAt, revokedInQuarter: event.data.quarter }
          : account,
      );
      return { lists: new Map(state.lists).set(list.partnerId, { ...list, accounts }) };
    }
    default:
      return state;
  }
}

/** The partner currently protecting `accountId`, if any (revoked entries protect nothing). */
export function holderOf(state: ProtectionState, accountId: string): string | null {
  for (const list of state.lists.values()) {
    if (list.accounts.some((account) => account.accountId === accountId && account.status === 'protected')) return list.partnerId;
  }
  return null;
}

/** A partner's current list with each account's protection state, in submission order (empty when none). */
export function protectedAccountsOf(state: ProtectionState, partnerId: string): (ProtectedAccount & { quarter: string; submissionId: string })[] {
  const list = state.lists.get(partnerId);
  if (!list) return [];
  return list.accounts.map((account) => ({ ...account, quarter: list.quarter, submissionId: list.submissionId }));
}
