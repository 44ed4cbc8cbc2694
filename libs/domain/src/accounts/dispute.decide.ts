import { attributeAccount } from '../attribution';
import { outstandingOf } from '../commissions/commission-rules';
import type { OpenDispute, ResolveDispute } from '../messages/commands';
import { formatExact } from '../money';
import { type PartnerState, tierAt } from '../partners/partner-state';
import { type Refusal, refuse } from '../shared/decision';
import type { AccountContext } from './account.context';
import type { AccountState } from './account.state';
import { type AccountDraft, type Answer, answer, record } from './account-draft';
import { unknownPartner } from './account-facts.decide';
import { latestInstant, rejudgeAttribution } from './attribution.step';

/** The rule code of a commission moved from a dispute's loser to its winner. */
export const DISPUTE_REASSIGNMENT_RULE = 'commission.dispute_reassignment';

export function openDispute(
  command: OpenDispute,
  draft: AccountDraft,
  context: AccountContext,
): Answer | Refusal {
  const { disputeId, accountId, claimantPartnerId, openedAt, reason } = command.data;
  const unknown = unknownPartner(context, claimantPartnerId, 'claimantPartnerId');
  if (unknown) return unknown;
  if (draft.state.disputes.some((d) => d.disputeId === disputeId)) {
    return refuse(
      'dispute.already_exists',
      `dispute ${disputeId} is already open on account ${accountId}`,
      'disputeId',
    );
  }
  record(draft, 'DisputeOpened', openedAt, { disputeId, accountId, claimantPartnerId, reason });
  rejudgeAttribution(draft, latestInstant(draft, openedAt), openedAt);
  return answer({ status: 'recorded' }, [`dispute:${disputeId}`]);
}

/**
 * A partner manager's resolution overrides the attribution rules (SPEC §4): the winner becomes the
 * sourced partner, and every commission another partner still has outstanding on the account moves
 * to the winner, same payment and payable date. Later payments earn for the winner.
 */
export function resolveDispute(
  command: ResolveDispute,
  draft: AccountDraft,
  context: AccountContext,
): Answer | Refusal {
  const { disputeId, accountId, winnerPartnerId, resolvedAt, note } = command.data;
  const dispute = draft.state.disputes.find((d) => d.disputeId === disputeId);
  if (!dispute)
    return refuse(
      'dispute.not_found',
      `no dispute ${disputeId} on account ${accountId}`,
      'disputeId',
    );
  if (dispute.resolution) {
    return refuse(
      'dispute.already_resolved',
      `dispute ${disputeId} was resolved for ${dispute.resolution.winnerPartnerId}`,
      'disputeId',
      {
        winnerPartnerId: dispute.resolution.winnerPartnerId,
        resolvedAt: dispute.resolution.at,
      },
    );
  }
  const unknown = unknownPartner(context, winnerPartnerId, 'winnerPartnerId');
  if (unknown) return unknown;

  const loserPartnerIds = losersOf(draft.state, winnerPartnerId, latestInstant(draft, resolvedAt));
  const resolved = record(draft, 'DisputeResolved', resolvedAt, {
    disputeId,
    accountId,
    winnerPartnerId,
    loserPartnerIds,
    note,
  });
  rejudgeAttribution(draft, latestInstant(draft, resolvedAt), resolvedAt, true);
  const reassignments = reassignOutstanding(
    draft,
    command.data,
    loserPartnerIds,
    context.partners.get(winnerPartnerId)!,
    resolved.eventId,
  );
  return answer({ status: 'recorded', loserPartnerIds, reassignments });
}

/** Moves what each loser still has outstanding on a commission to the winner, one `CommissionReassigned` per commission. */
function reassignOutstanding(
  draft: AccountDraft,
  resolution: ResolveDispute['data'],
  loserPartnerIds: string[],
  winner: PartnerState,
  resolvedEventId: string,
) {
  const { disputeId, accountId, winnerPartnerId, resolvedAt } = resolution;
  const reassignments = [];
  for (const position of draft.state.commissions.filter((c) =>
    loserPartnerIds.includes(c.partnerId),
  )) {
    const outstanding = outstandingOf(position);
    if (!outstanding.gt(0)) continue;
    const newCommissionId = `${position.commissionId}:dispute:${disputeId}`;
    const amount = formatExact(outstanding, position.currency);
    record(draft, 'CommissionReassigned', resolvedAt, {
      commissionId: position.commissionId,
      newCommissionId,
      disputeId,
      paymentId: position.paymentId,
      accountId,
      fromPartnerId: position.partnerId,
      toPartnerId: winnerPartnerId,
      amount,
      currency: position.currency,
      payableFrom: position.payableFrom,
      toTier: tierAt(winner, position.paymentOccurredAt).tier,
      rule: DISPUTE_REASSIGNMENT_RULE,
      planVersion: position.planVersion,
      evidence: [resolvedEventId, position.earnedEventId],
    });
    reassignments.push({
      commissionId: position.commissionId,
      newCommissionId,
      fromPartnerId: position.partnerId,
      amount,
      currency: position.currency,
    });
  }
  return reassignments;
}

/** Every partner but the winner that holds an outstanding commission on the account or its sourced credit, sorted. */
function losersOf(state: AccountState, winnerPartnerId: string, at: string): string[] {
  const holders = state.commissions.filter((c) => outstandingOf(c).gt(0)).map((c) => c.partnerId);
  const sourced = attributeAccount(state, at).sourced;
  const losers = new Set([...holders, ...(sourced ? [sourced] : [])]);
  losers.delete(winnerPartnerId);
  return [...losers].sort();
}
