/**
 * Commission events with defaults, for projection specs: a spec states only what it reads. Each
 * builder returns the stream and the event as an appender hands it to the store; `projected()` turns
 * one into what `evolve` receives, for pure specs that need no store.
 */
import type {
  CommissionClawedBack,
  CommissionEarned,
  CommissionReassigned,
  CommissionReversed,
} from '@ledger/domain/messages/events';
import type { NewEvent } from '@ledger/event-store/port';
import type { ProjectedEvent } from '../../projection';

export interface StoryEvent {
  streamId: string;
  event: NewEvent & { eventId: string };
}

let counter = 0;
/** A fresh uuid-shaped id per event; deterministic order within one spec run is all specs need. */
function nextEventId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

const derivation = {
  rule: 'commission.integration_lifetime',
  planVersion: 1,
  evidence: ['e-payment'],
};

export function earned(over: Partial<CommissionEarned['data']> & { at?: string } = {}): StoryEvent {
  const { at, ...rest } = over;
  const data: CommissionEarned['data'] = {
    commissionId: `${rest.paymentId ?? 'pay-1'}:${rest.partnerId ?? 'p1'}`,
    paymentId: 'pay-1',
    accountId: 'acc-1',
    partnerId: 'p1',
    credit: 'sourced',
    tier: 'integration',
    revenueModel: 'monthly_subscription',
    basis: '1000.00',
    rate: '0.2',
    amount: '200.00',
    unroundedAmount: '200.000',
    currency: 'USD',
    payableFrom: '2026-04-01T00:00:00.000Z',
    held: false,
    planId: 'default',
    ...derivation,
    ...rest,
  };
  return story(data.accountId, 'CommissionEarned', at ?? '2026-03-10T10:00:00.000Z', data);
}

export function reversed(
  over: Partial<CommissionReversed['data']> & { at?: string } = {},
): StoryEvent {
  const { at, ...rest } = over;
  const data: CommissionReversed['data'] = {
    commissionId: 'pay-1:p1',
    refundId: 'ref-1',
    paymentId: 'pay-1',
    accountId: 'acc-1',
    partnerId: 'p1',
    amount: '50.00',
    currency: 'USD',
    ...derivation,
    rule: 'commission.refund_reversal',
    ...rest,
  };
  return story(data.accountId, 'CommissionReversed', at ?? '2026-03-20T10:00:00.000Z', data);
}

export function clawedBack(
  over: Partial<CommissionClawedBack['data']> & { at?: string } = {},
): StoryEvent {
  const { at, ...rest } = over;
  const data: CommissionClawedBack['data'] = {
    commissionId: 'pay-1:p1',
    churnId: 'churn-1',
    paymentId: 'pay-1',
    accountId: 'acc-1',
    partnerId: 'p1',
    daysRetained: 45,
    amount: '50.00',
    currency: 'USD',
    ...derivation,
    rule: 'clawback.integration_prorated',
    ...rest,
  };
  return story(data.accountId, 'CommissionClawedBack', at ?? '2026-04-24T10:00:00.000Z', data);
}

export function reassigned(
  over: Partial<CommissionReassigned['data']> & { at?: string } = {},
): StoryEvent {
  const { at, ...rest } = over;
  const data: CommissionReassigned['data'] = {
    commissionId: 'pay-1:p1',
    newCommissionId: 'pay-1:p1:dispute:d-1',
    disputeId: 'd-1',
    paymentId: 'pay-1',
    accountId: 'acc-1',
    fromPartnerId: 'p1',
    toPartnerId: 'p2',
    amount: '150.00',
    currency: 'USD',
    payableFrom: '2026-04-01T00:00:00.000Z',
    toTier: 'integration',
    ...derivation,
    rule: 'attribution.dispute_resolution',
    ...rest,
  };
  return story(data.accountId, 'CommissionReassigned', at ?? '2026-05-01T10:00:00.000Z', data);
}

export function partnerEvent(
  type: 'CommissionsHeld' | 'CommissionsReleased' | 'PartnerRemoved',
  partnerId: string,
  at: string,
): StoryEvent {
  const cause =
    type === 'CommissionsReleased'
      ? { releaseId: `rel-${at}`, reason: 'resolved' }
      : { violationId: `v-${at}` };
  return story(`partner-${partnerId}`, type, at, {
    partnerId,
    ...cause,
    rule: `pricing_violation.${type}`,
    evidence: [],
  });
}

function story(streamOf: string, type: string, occurredAt: string, data: object): StoryEvent {
  const streamId = streamOf.startsWith('partner-') ? streamOf : `account-${streamOf}`;
  return {
    streamId,
    event: { eventId: nextEventId(), type, occurredAt, data: data as NewEvent['data'] },
  };
}

/** The event as a projection receives it once the store has recorded it at `recordedAt`. */
export function projected(
  story: StoryEvent,
  position: number,
  recordedAt = '2026-06-01T00:00:00.000Z',
): ProjectedEvent {
  return {
    eventId: story.event.eventId,
    type: story.event.type,
    streamId: story.streamId,
    streamRevision: 0,
    globalPosition: BigInt(position),
    transactionId: BigInt(1000 + position),
    occurredAt: story.event.occurredAt,
    recordedAt,
    data: story.event.data,
    metadata: { schemaVersion: 1 },
  };
}
