/**
 * Payout events with defaults, for projection specs, in the shape of `money-events.ts`: a payout of
 * one partner in one currency, settling the items a spec names, then paid or failed.
 */
import type {
  PayoutFailed,
  PayoutIssued,
  PayoutMarkedPaid,
} from '@ledger/domain/messages/payout-events';
import type { StoryEvent } from './money-events';

let counter = 0;
function nextEventId(): string {
  counter++;
  return `00000000-0000-4000-9000-${counter.toString(16).padStart(12, '0')}`;
}

export interface PayoutTerms {
  runId: string;
  partnerId: string;
  amount: string;
  currency?: string;
  /** The run's as-of, which is also the event's `occurredAt`. */
  asOf: string;
  /** The commissions it settles, each as one line; one line of the whole amount when omitted. */
  itemIds?: string[];
}

export function payoutIssued(terms: PayoutTerms): StoryEvent {
  const currency = terms.currency ?? 'USD';
  const itemIds = terms.itemIds ?? [`${terms.runId}-item`];
  const data: PayoutIssued['data'] = {
    payoutId: `${terms.runId}:${terms.partnerId}:${currency}`,
    runId: terms.runId,
    partnerId: terms.partnerId,
    currency,
    amount: terms.amount,
    asOf: terms.asOf,
    minimumPayout: '50.00',
    lines: itemIds.map((itemId, index) => ({
      kind: 'commission',
      itemKind: 'commission',
      itemId,
      // The whole amount on the first line keeps the lines summing to the payout.
      amount: index === 0 ? terms.amount : '0',
      accountId: 'acc-1',
      commissionId: itemId,
      paymentId: 'pay-1',
      rule: 'commission.integration_lifetime',
      planVersion: 1,
      sourceEventIds: ['e-commission'],
    })),
  };
  return payoutStory(terms.partnerId, 'PayoutIssued', terms.asOf, data);
}

/** Closes the payout `payoutIssued(terms)` issued: paid, or failed (its items payable again). */
export function payoutClosed(
  issued: StoryEvent,
  outcome: 'paid' | 'failed',
  at: string,
): StoryEvent {
  const d = issued.event.data as unknown as PayoutIssued['data'];
  const common = {
    payoutId: d.payoutId,
    runId: d.runId,
    partnerId: d.partnerId,
    currency: d.currency,
    amount: d.amount,
    reference: `ref-${outcome}`,
  };
  if (outcome === 'paid') {
    const data: PayoutMarkedPaid['data'] = common;
    return payoutStory(d.partnerId, 'PayoutMarkedPaid', at, data);
  }
  const data: PayoutFailed['data'] = {
    ...common,
    releasedItemIds: d.lines.map((line) => line.itemId),
  };
  return payoutStory(d.partnerId, 'PayoutFailed', at, data);
}

function payoutStory(partnerId: string, type: string, occurredAt: string, data: object) {
  return {
    streamId: `payouts-${partnerId}`,
    event: {
      eventId: nextEventId(),
      type,
      occurredAt,
      data: data as StoryEvent['event']['data'],
    },
  };
}
