import { unique } from '../attribution/introductions';
import { commissionsForPayment } from '../commissions/earn';
import type { PaymentFacts } from '../commissions/commission-position';
import type { RecordPayment } from '../messages/commands';
import type { AccountContext } from './account.context';
import type { PaymentFact } from './account.state';
import { type AccountDraft, type Answer, answer, append, record } from './account-draft';
import { rejudgeAttribution } from './attribution.step';

/**
 * A payment is recorded, attribution is judged at the payment (the first payment locks the sourced
 * partner; contributions are measured against it or the won opportunity), and the sourced and
 * influenced partners earn their commissions on it.
 */
export function recordPayment(
  command: RecordPayment,
  draft: AccountDraft,
  context: AccountContext,
): Answer {
  const { paymentId, accountId, amount, currency, revenueModel, occurredAt, costOfRevenue } =
    command.data;
  const earlierPayments = draft.state.payments.map(factsOf);
  const recorded = record(draft, 'PaymentRecorded', occurredAt, {
    paymentId,
    accountId,
    amount,
    currency,
    revenueModel,
    ...(costOfRevenue === undefined ? {} : { costOfRevenue }),
  });
  const outcome = rejudgeAttribution(draft, occurredAt, occurredAt);
  // Each credit also cites the attribution decision in force, so a commission leads back to it.
  const decision = draft.state.attribution?.eventId;
  const credits = outcome.credits.map((c) => ({
    ...c,
    evidence: unique([...c.evidence, ...(decision ? [decision] : [])]),
  }));
  const payment = factsOf(draft.state.payments.find((p) => p.eventId === recorded.eventId)!);
  const earned = commissionsForPayment({
    payment,
    earlierPayments,
    credits,
    partners: context.partners,
    plans: context.plans,
    nextEventId: draft.nextEventId,
  });
  append(draft, earned);
  const commissions = earned.map(({ data: d }) => ({
    commissionId: d.commissionId,
    partnerId: d.partnerId,
    credit: d.credit,
    amount: d.amount,
    currency: d.currency,
    rule: d.rule,
  }));
  return answer({ status: 'recorded', commissions }, [`payment:${paymentId}`]);
}

/** The payment as the commission rules see it (without the account's arrival rank). */
export function factsOf(payment: PaymentFact): PaymentFacts {
  const { seq: _seq, ...facts } = payment;
  return facts;
}
