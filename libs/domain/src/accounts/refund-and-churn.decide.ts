import { clawbacksForChurn } from '../commissions/claw-back';
import { reversalsForRefund } from '../commissions/reverse';
import type { RecordChurn, RecordRefund } from '../messages/commands';
import { Money, fitsMinorUnits, formatExact, minorUnits } from '../money';
import { type Refusal, refuse } from '../shared/decision';
import { type AccountDraft, type Answer, answer, append, record } from './account-draft';
import { latestInstant, rejudgeAttribution } from './attribution.step';
import { factsOf } from './payment.decide';

/**
 * A refund of (part of) a payment reverses the commissions of that payment in proportion, whatever
 * the tier. More than what is left of the payment cannot be refunded.
 */
export function recordRefund(command: RecordRefund, draft: AccountDraft): Answer | Refusal {
  const { refundId, paymentId, accountId, amount, occurredAt } = command.data;
  const payment = draft.state.payments.find((p) => p.paymentId === paymentId);
  if (!payment)
    return refuse(
      'payment.not_found',
      `no payment ${paymentId} on account ${accountId}`,
      'paymentId',
    );
  // The refund body names no currency, so only here can its decimals be held to the payment's.
  if (!fitsMinorUnits(amount, payment.currency))
    return refuse(
      'refund.invalid_amount',
      `${amount} has more decimals than ${payment.currency} allows (${minorUnits(payment.currency)})`,
      'amount',
    );
  const remaining = new Money(payment.amount).minus(payment.refunded);
  if (new Money(amount).gt(remaining)) {
    const left = formatExact(remaining, payment.currency);
    return refuse(
      'refund.exceeds_payment',
      `only ${left} ${payment.currency} of payment ${paymentId} is left to refund`,
      'amount',
      {
        remaining: left,
        currency: payment.currency,
      },
    );
  }
  const refunded = record(draft, 'PaymentRefunded', occurredAt, {
    refundId,
    paymentId,
    accountId,
    amount,
    currency: payment.currency,
  });
  const reversals = reversalsForRefund({
    refund: { eventId: refunded.eventId, refundId, paymentId, amount, occurredAt },
    payment: factsOf(payment),
    commissions: draft.state.commissions,
    nextEventId: draft.nextEventId,
  });
  append(draft, reversals);
  rejudgeAttribution(draft, latestInstant(draft, occurredAt), occurredAt);
  const summary = reversals.map(({ data: d }) => ({
    commissionId: d.commissionId,
    partnerId: d.partnerId,
    amount: d.amount,
    currency: d.currency,
  }));
  return answer({ status: 'recorded', reversals: summary }, [`refund:${refundId}`]);
}

/** A churn claws back, by tier and days retained, every commission of the account still outstanding. */
export function recordChurn(command: RecordChurn, draft: AccountDraft): Answer {
  const { churnId, accountId, occurredAt } = command.data;
  const churned = record(draft, 'CustomerChurned', occurredAt, { churnId, accountId });
  const clawbacks = clawbacksForChurn({
    churn: { eventId: churned.eventId, churnId, accountId, occurredAt },
    commissions: draft.state.commissions,
    nextEventId: draft.nextEventId,
  });
  append(draft, clawbacks);
  rejudgeAttribution(draft, latestInstant(draft, occurredAt), occurredAt);
  const summary = clawbacks.map(({ data: d }) => ({
    commissionId: d.commissionId,
    partnerId: d.partnerId,
    amount: d.amount,
    currency: d.currency,
  }));
  return answer({ status: 'recorded', clawbacks: summary });
}
