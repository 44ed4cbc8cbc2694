import type { SubmitDealRegistration } from '../messages/commands';
import type { DealRegistrationRejected } from '../messages/events';
import type { RegistrationRejectionReason, Tier } from '../messages/vocabulary';
import { tierAt } from '../partners/partner-state';
import {
  MAX_REGISTRATIONS_PER_PARTNER_AND_ACCOUNT,
  REGISTRATION_WINDOW_DAYS,
} from '../program/rules';
import type { Refusal } from '../shared/decision';
import { toMs, wholeDaysBetween } from '../shared/time';
import type { AccountContext } from './account.context';
import type { AccountState } from './account.state';
import { type AccountDraft, type Answer, answer, record } from './account-draft';
import { unknownPartner } from './account-facts.decide';
import { latestInstant, rejudgeAttribution } from './attribution.step';
import { expiryOf, isActiveAt, lapsedBy, wasAccepted } from './registration-activity';

type Winner = NonNullable<DealRegistrationRejected['data']['winner']>;
interface Rejection {
  reason: RegistrationRejectionReason;
  evidence: string[];
  winner?: Winner;
}

/**
 * A deal registration is always recorded, then accepted or rejected (SPEC §4 "Deal registration").
 * A rejection is a decision, not a refusal: it is stored so the partner manager can see why.
 */
export function submitDealRegistration(
  command: SubmitDealRegistration,
  draft: AccountDraft,
  context: AccountContext,
): Answer | Refusal {
  const { registrationId, partnerId, accountId, firstContactAt, submittedAt } = command.data;
  const unknown = unknownPartner(context, partnerId, 'partnerId');
  if (unknown) return unknown;
  const submitted = record(draft, 'DealRegistrationSubmitted', submittedAt, {
    registrationId,
    partnerId,
    accountId,
    firstContactAt,
    submittedAt,
  });
  const tier = tierAt(context.partners.get(partnerId)!, submittedAt);
  const rejection = rejectionOf(draft.state, command.data, tier.tier, [
    submitted.eventId,
    tier.eventId,
  ]);

  let reply: Answer['reply'];
  if (rejection) {
    const { reason, evidence, winner } = rejection;
    const data = {
      registrationId,
      partnerId,
      accountId,
      reason,
      ...(winner ? { winner } : {}),
      rule: `registration.${reason}`,
      evidence,
    };
    record(draft, 'DealRegistrationRejected', submittedAt, data);
    reply = { status: 'rejected', reason, ...(winner ? { winner } : {}) };
  } else {
    const expiresAt = expiryOf(submittedAt);
    const evidence = [submitted.eventId, tier.eventId];
    record(draft, 'DealRegistrationAccepted', submittedAt, {
      registrationId,
      partnerId,
      accountId,
      tier: tier.tier,
      expiresAt,
      rule: 'registration.accepted',
      evidence,
    });
    reply = { status: 'accepted' };
  }
  rejudgeAttribution(draft, latestInstant(draft, submittedAt), submittedAt);
  return answer(reply);
}

/**
 * The checks of docs/decisions.md "Deal registration", in precedence order; the first that fails
 * decides the reason. `cited` are the submission and the partner's tier in force, which every
 * rejection cites.
 */
function rejectionOf(
  state: AccountState,
  submission: SubmitDealRegistration['data'],
  tier: Tier,
  cited: string[],
): Rejection | null {
  const { partnerId, registrationId, firstContactAt, submittedAt } = submission;
  if (wholeDaysBetween(firstContactAt, submittedAt) > REGISTRATION_WINDOW_DAYS)
    return { reason: 'late', evidence: cited.slice(0, 1) };

  const contact =
    tier === 'referral'
      ? state.directContacts.find((c) => toMs(c.at) <= toMs(submittedAt))
      : undefined;
  if (contact) return { reason: 'direct_contact_first', evidence: [...cited, contact.eventId] };

  const holder = state.registrations.find(
    (r) => r.registrationId !== registrationId && isActiveAt(state, r, submittedAt),
  );
  if (holder && wasAccepted(holder)) {
    const winner = {
      partnerId: holder.partnerId,
      registrationId: holder.registrationId,
      acceptedAt: holder.submitted.at,
    };
    return { reason: 'conflict', evidence: [cited[0]!, holder.accepted.eventId], winner };
  }

  const earlier = state.registrations.filter(
    (r) => r.partnerId === partnerId && r.registrationId !== registrationId && wasAccepted(r),
  );
  if (earlier.length >= MAX_REGISTRATIONS_PER_PARTNER_AND_ACCOUNT) {
    return {
      reason: 'reregistration_limit',
      evidence: [cited[0]!, ...earlier.map((r) => r.accepted!.eventId)],
    };
  }
  return null;
}

/**
 * Records, before any command at business time `at`, the expiry of every accepted registration
 * that lapsed by then (docs/decisions.md "Time": passage-of-time facts are recorded lazily, dated
 * when they took effect).
 */
export function recordExpiries(draft: AccountDraft, at: string): void {
  for (const registration of lapsedBy(draft.state, at)) {
    const accepted = registration.accepted!;
    record(draft, 'DealRegistrationExpired', accepted.expiresAt, {
      registrationId: registration.registrationId,
      partnerId: registration.partnerId,
      accountId: draft.state.accountId,
      rule: 'registration.expired',
      evidence: [accepted.eventId],
    });
  }
}
