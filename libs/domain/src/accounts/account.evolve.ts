import type { AccountEvent, LedgerEvent } from '../messages/events';
import { Money, formatExact } from '../money';
import { assertNever } from '../shared/decision';
import { toMs } from '../shared/time';
import { evolveCommissions } from './commission-positions.evolve';
import type { AccountState, Moment } from './account.state';

/** Every event type of the account stream; a record, so adding a type without listing it fails to compile. */
const ACCOUNT_EVENT_TYPES: Record<AccountEvent['type'], true> = {
  AccountCreatedInCrm: true,
  TouchpointRecorded: true,
  DirectSalesContactRecorded: true,
  SignupRecorded: true,
  OpportunityOpened: true,
  OpportunityWon: true,
  OpportunityLost: true,
  DealRegistrationSubmitted: true,
  DealRegistrationAccepted: true,
  DealRegistrationRejected: true,
  DealRegistrationExpired: true,
  AttributionDecided: true,
  PaymentRecorded: true,
  CommissionEarned: true,
  PaymentRefunded: true,
  CommissionReversed: true,
  CustomerChurned: true,
  CommissionClawedBack: true,
  DisputeOpened: true,
  DisputeResolved: true,
  CommissionReassigned: true,
};

function isAccountEvent(event: LedgerEvent): event is AccountEvent {
  return Object.hasOwn(ACCOUNT_EVENT_TYPES, event.type);
}

/**
 * Folds one event of the `account-{id}` stream into the account's state. Events of other streams
 * leave it unchanged. Every account event advances the arrival rank, so ties between equal
 * timestamps can be broken by stream order.
 */
export function evolveAccount(state: AccountState, event: LedgerEvent): AccountState {
  if (!isAccountEvent(event)) return state;
  const moment: Moment = { at: event.occurredAt, seq: state.arrivals, eventId: event.eventId };
  const latestAt =
    state.latestAt === null || toMs(event.occurredAt) > toMs(state.latestAt)
      ? event.occurredAt
      : state.latestAt;
  const next = applyFact({ ...state, arrivals: state.arrivals + 1, latestAt }, event, moment);
  return { ...next, commissions: evolveCommissions(next, event) };
}

function applyFact(state: AccountState, event: AccountEvent, moment: Moment): AccountState {
  switch (event.type) {
    case 'AccountCreatedInCrm':
      return { ...state, crm: { ...moment, at: event.data.createdInCrmAt } };
    case 'TouchpointRecorded': {
      const { touchpointId, partnerId, kind } = event.data;
      return {
        ...state,
        touchpoints: [...state.touchpoints, { ...moment, touchpointId, partnerId, kind }],
      };
    }
    case 'DirectSalesContactRecorded':
      return { ...state, directContacts: [...state.directContacts, moment] };
    case 'SignupRecorded':
      return { ...state, signup: moment };
    case 'OpportunityOpened': {
      const { opportunityId, amount, currency } = event.data;
      return {
        ...state,
        opportunities: [
          ...state.opportunities,
          { opportunityId, amount, currency, opened: moment, closed: null },
        ],
      };
    }
    case 'OpportunityWon':
    case 'OpportunityLost': {
      const outcome = event.type === 'OpportunityWon' ? 'won' : 'lost';
      const opportunities = state.opportunities.map((o) =>
        o.opportunityId === event.data.opportunityId
          ? { ...o, closed: { ...moment, outcome } as const }
          : o,
      );
      return { ...state, opportunities };
    }
    case 'DealRegistrationSubmitted': {
      const { registrationId, partnerId, firstContactAt, submittedAt } = event.data;
      const registration = {
        registrationId,
        partnerId,
        firstContactAt,
        submitted: { ...moment, at: submittedAt },
        status: 'submitted' as const,
        accepted: null,
        expired: null,
      };
      return { ...state, registrations: [...state.registrations, registration] };
    }
    case 'DealRegistrationAccepted':
      return updateRegistration(state, event.data.registrationId, (r) => ({
        ...r,
        status: 'accepted',
        accepted: { ...moment, tier: event.data.tier, expiresAt: event.data.expiresAt },
      }));
    case 'DealRegistrationRejected':
      return updateRegistration(state, event.data.registrationId, (r) => ({
        ...r,
        status: 'rejected',
      }));
    case 'DealRegistrationExpired':
      return updateRegistration(state, event.data.registrationId, (r) => ({
        ...r,
        status: 'expired',
        expired: moment,
      }));
    case 'AttributionDecided': {
      const { sourced, influenced, rule, evidence } = event.data;
      return {
        ...state,
        attribution: { sourced, influenced, rule, evidence, eventId: event.eventId },
      };
    }
    case 'PaymentRecorded': {
      const { paymentId, accountId, amount, currency, revenueModel, costOfRevenue } = event.data;
      const payment = {
        eventId: event.eventId,
        paymentId,
        accountId,
        amount,
        currency,
        revenueModel,
        occurredAt: event.occurredAt,
        refunded: '0',
        seq: moment.seq,
      };
      return {
        ...state,
        payments: [
          ...state.payments,
          costOfRevenue === undefined ? payment : { ...payment, costOfRevenue },
        ],
      };
    }
    case 'PaymentRefunded': {
      const payments = state.payments.map((p) =>
        // Both amounts are stored (rounded) amounts, so their sum is exact and is not rounded again.
        p.paymentId === event.data.paymentId
          ? {
              ...p,
              refunded: formatExact(new Money(p.refunded).plus(event.data.amount), p.currency),
            }
          : p,
      );
      return { ...state, payments };
    }
    case 'DisputeOpened': {
      const { disputeId, claimantPartnerId } = event.data;
      return {
        ...state,
        disputes: [
          ...state.disputes,
          { disputeId, claimantPartnerId, opened: moment, resolution: null },
        ],
      };
    }
    case 'DisputeResolved': {
      const { winnerPartnerId, loserPartnerIds } = event.data;
      const disputes = state.disputes.map((d) =>
        d.disputeId === event.data.disputeId
          ? { ...d, resolution: { ...moment, winnerPartnerId, loserPartnerIds } }
          : d,
      );
      return { ...state, disputes };
    }
    case 'CommissionEarned':
    case 'CommissionReversed':
    case 'CustomerChurned':
    case 'CommissionClawedBack':
    case 'CommissionReassigned':
      // Commission positions are folded by `evolveCommissions`; a churn changes no fact the rules read.
      return state;
    default:
      return assertNever(event);
  }
}

function updateRegistration(
  state: AccountState,
  registrationId: string,
  change: (r: AccountState['registrations'][number]) => AccountState['registrations'][number],
): AccountState {
  return {
    ...state,
    registrations: state.registrations.map((r) =>
      r.registrationId === registrationId ? change(r) : r,
    ),
  };
}
