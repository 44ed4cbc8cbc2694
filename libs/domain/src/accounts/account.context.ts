import type { AccountCommand } from '../messages/commands';
import type { PartnerState } from '../partners/partner-state';
import type { PlanBook } from '../plans/plan-book';
import { assertNever } from '../shared/decision';
import type { AccountState } from './account.state';

/**
 * Read-only facts from other streams that an account decision needs: the partners it names or
 * credits (enrollment, tier, hold, removal) and the commission plans.
 */
export interface AccountContext {
  partners: ReadonlyMap<string, PartnerState>;
  plans: PlanBook;
}

/**
 * Which partner streams the handler must load before `decideAccount`. Payments and dispute
 * resolutions credit partners chosen from the account's history, so they ask for every partner
 * the account has heard of.
 */
export function accountContextNeeds(
  command: AccountCommand,
  state: AccountState,
): { partnerIds: string[] } {
  switch (command.type) {
    case 'RecordTouchpoint':
    case 'SubmitDealRegistration':
      return { partnerIds: [command.data.partnerId] };
    case 'OpenDispute':
      return { partnerIds: [command.data.claimantPartnerId] };
    case 'ResolveDispute':
      return { partnerIds: unique([command.data.winnerPartnerId, ...partnersKnownTo(state)]) };
    case 'RecordPayment':
      return { partnerIds: partnersKnownTo(state) };
    case 'CreateAccountInCrm':
    case 'RecordDirectContact':
    case 'RecordSignup':
    case 'OpenOpportunity':
    case 'WinOpportunity':
    case 'LoseOpportunity':
    case 'RecordRefund':
    case 'RecordChurn':
      return { partnerIds: [] };
    default:
      return assertNever(command);
  }
}

/** Every partner named by the account's touchpoints, registrations, disputes or commissions, sorted. */
export function partnersKnownTo(state: AccountState): string[] {
  return unique([
    ...state.touchpoints.map((t) => t.partnerId),
    ...state.registrations.map((r) => r.partnerId),
    ...state.disputes.flatMap((d) => [
      d.claimantPartnerId,
      ...(d.resolution ? [d.resolution.winnerPartnerId] : []),
    ]),
    ...state.commissions.map((c) => c.partnerId),
  ]);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)].sort();
}
