import type { ProtectionCommand, ReviewProtectedAccounts, SubmitProtectedAccounts } from '../messages/commands';
import type { LedgerEvent, ProtectedAccountsSubmitted, ProtectionRevoked } from '../messages/events';
import { tierAt, isRemovedAt, type PartnerState } from '../partners/partner-state';
import { PROTECTED_ACCOUNTS_LIMIT } from '../program/rules';
import { accept, assertNever, refuse, type Decision } from '../shared/decision';
import { eventIdSequence } from '../shared/ids';
import { isBefore } from '../shared/time';
import { holderOf, type ProtectionState } from './protection-state';
import { isQuarter, isQuarterAtOrBefore, quarterBounds } from './quarter';
import { hadPipelineMovement } from './pipeline-movement';

/** Read-only facts from other streams that protection decisions need (see `protectionContextNeeds`). */
export interface ProtectionContext {
  partners: ReadonlyMap<string, PartnerState>;
  accountHistories: ReadonlyMap<string, LedgerEvent[]>;
}

export const PROTECTION_RULES = { noPipelineMovement: 'protection.no_pipeline_movement' } as const;

/** Which partner streams and account streams the application must load before deciding. */
export function protectionContextNeeds(command: ProtectionCommand, state: ProtectionState): { partnerIds: string[]; accountIds: string[] } {
  switch (command.type) {
    case 'SubmitProtectedAccounts':
      return { partnerIds: [command.data.partnerId], accountIds: [] };
    case 'ReviewProtectedAccounts':
      return { partnerIds: [], accountIds: underReview(state, command.data.quarter).map((entry) => entry.accountId) };
    default:
      return assertNever(command);
  }
}

export function decideProtection(command: ProtectionCommand, state: ProtectionState, context: ProtectionContext): Decision {
  const nextEventId = eventIdSequence(command.metadata.commandId);
  switch (command.type) {
    case 'SubmitProtectedAccounts':
      return submit(command, state, context, nextEventId);
    case 'ReviewProtectedAccounts':
      return review(command, state, context, nextEventId);
    default:
      return assertNever(command);
  }
}

/**
 * Guards in precedence order: unknown partner, malformed quarter, not solution tier at submission,
 * more than 50 accounts, duplicates in the list, an account another partner protects. A refusal
 * appends nothing; an accepted submission replaces the partner's previous list.
 */
function submit(command: SubmitProtectedAccounts, state: ProtectionState, context: ProtectionContext, nextEventId: () => string): Decision {
  const { partnerId, submissionId, quarter, accountIds, submittedAt } = command.data;
  const partner = context.partners.get(partnerId);
  if (!partner?.enrolled) return refuse('partner.not_found', `partner ${partnerId} is not enrolled`, 'partnerId');
  if (!isQuarter(quarter)) return refuse('protected_accounts.invalid_quarter', `quarter must look like 2026-Q3, got ${quarter}`, 'quarter');
  const tier = isBefore(submittedAt, partner.enrolledAt!) || isRemovedAt(partner, submittedAt) ? null : tierAt(partner, submittedAt).tier;
  if (tier !== 'solution') {
    return refuse('protected_accounts.not_solution_tier', `only solution-tier partners may protect accounts; ${partnerId} is ${tier ?? 'not active'} at ${submittedAt}`, undefined, { tier });
  }
  const unique = new Set(accountIds);
  if (unique.size > PROTECTED_ACCOUNTS_LIMIT) {
    return refuse('protected_accounts.limit_exceeded', `at most ${PROTECTED_ACCOUNTS_LIMIT} accounts may be protected; got ${unique.size}`, 'accountIds', {
      limit: PROTECTED_ACCOUNTS_LIMIT,
      count: unique.size,
    });
  }
  if (unique.size < accountIds.length) {
    const duplicates = [...new Set(accountIds.filter((id, i) => accountIds.indexOf(id) !== i))];
    return refuse('protected_accounts.duplicate_account', `accounts listed twice: ${duplicates.join(', ')}`, 'accountIds', { accountIds: duplicates });
  }
  const conflicts = accountIds.map((accountId) => ({ accountId, holderPartnerId: holderOf(state, accountId) })).filter((c) => c.holderPartnerId !== null && c.holderPartnerId !== partnerId);
  if (conflicts.length > 0) {
    const [first] = conflicts;
    return refuse('protected_accounts.already_protected', `account ${first!.accountId} is protected by partner ${first!.holderPartnerId}`, 'accountIds', {
      accountId: first!.accountId,
      holderPartnerId: first!.holderPartnerId,
      conflicts,
    });
  }
  const event: ProtectedAccountsSubmitted = {
    type: 'ProtectedAccountsSubmitted',
    eventId: nextEventId(),
    occurredAt: submittedAt,
    data: { partnerId, submissionId, quarter, accountIds: [...accountIds] },
  };
  return accept([event], { status: 'recorded', partnerId, quarter, protectedAccounts: accountIds.length });
}

/**
 * The quarterly review revokes each still-protected account, on lists of this quarter or earlier, that
 * saw no pipeline movement during the quarter. Revocation is dated at the quarter's end, when it took effect.
 */
function review(command: ReviewProtectedAccounts, state: ProtectionState, context: ProtectionContext, nextEventId: () => string): Decision {
  const { reviewId, quarter } = command.data;
  if (!isQuarter(quarter)) return refuse('protected_accounts.invalid_quarter', `quarter must look like 2026-Q3, got ${quarter}`, 'quarter');
  const bounds = quarterBounds(quarter);
  const revoked: ProtectionRevoked[] = [];
  for (const entry of underReview(state, quarter)) {
    if (hadPipelineMovement(context.accountHistories.get(entry.accountId) ?? [], bounds)) continue;
    revoked.push({
      type: 'ProtectionRevoked',
      eventId: nextEventId(),
      occurredAt: bounds.end,
      data: { partnerId: entry.partnerId, accountId: entry.accountId, quarter, reviewId, rule: PROTECTION_RULES.noPipelineMovement, evidence: [entry.submissionEventId] },
    });
  }
  const summary = revoked.map((event) => ({ partnerId: event.data.partnerId, accountId: event.data.accountId }));
  return accept(revoked, { status: 'recorded', quarter, revoked: summary });
}

/** Accounts still protected on lists submitted for `quarter` or earlier, in a stable order (partner, then list order). */
function underReview(state: ProtectionState, quarter: string): { partnerId: string; accountId: string; submissionEventId: string }[] {
  const partnerIds = [...state.lists.keys()].sort();
  return partnerIds.flatMap((partnerId) => {
    const list = state.lists.get(partnerId)!;
    if (!isQuarter(list.quarter) || !isQuarterAtOrBefore(list.quarter, quarter)) return [];
    return list.accounts
      .filter((account) => account.status === 'protected')
      .map((account) => ({ partnerId, accountId: account.accountId, submissionEventId: list.eventId }));
  });
}
