import { Money, roundToMinor } from '@ledger/domain/money';
import { fractionOf, priceIn } from '../profile/demo-currencies';
import { nowIso, partOf, until, type Customer, type DemoWorld } from './demo-world';
import { DAY_MS, send, spawn, waitDays, type Emission, type Journey } from './journey';

const MONTH_DAYS = 30.44;

/**
 * A paying customer's life: payments on the cadence of its revenue model from `firstPaymentAt`
 * until it churns, a refund now and then, and — when another partner believes it brought the
 * account — a dispute. Some customers churn early, inside the clawback windows (60 days referral,
 * 90 days integration); most stay for years at a small monthly churn rate.
 */
export function* customerRevenue(w: DemoWorld, c: Customer, firstPaymentAt: number): Generator<Emission, void, void> {
  const r = w.random;
  const rare = w.profile.rare;
  yield until(w, firstPaymentAt);
  const churnAt = r.chance(rare.earlyChurn)
    ? firstPaymentAt + r.between(15, 100) * DAY_MS
    : firstPaymentAt + r.exponential(MONTH_DAYS / rare.monthlyChurn) * DAY_MS;
  if (c.claimant && r.chance(rare.dispute)) yield spawn(partOf(c, dispute(w, c)), r.between(10, 75) * DAY_MS);

  let monthlyUsd = c.monthlyUsd;
  for (let at = firstPaymentAt; at < churnAt; at = nextPaymentAt(w, c, at)) {
    yield until(w, at);
    const paymentId = c.ids.next('pay');
    const { amount, costOfRevenue } = paymentAmounts(w, c, monthlyUsd);
    yield send('RecordPayment', {
      paymentId,
      accountId: c.accountId,
      amount,
      currency: c.currency,
      revenueModel: c.model,
      occurredAt: nowIso(w),
      ...(costOfRevenue === undefined ? {} : { costOfRevenue }),
    });
    if (r.chance(rare.refund)) yield spawn(partOf(c, refund(w, c, paymentId, amount)), r.between(1, 20) * DAY_MS);
    // Price rises at renewal: a few customers expand their plan each year.
    if (r.chance(0.01)) monthlyUsd *= r.between(1.1, 1.5);
  }
  yield until(w, churnAt);
  yield send('RecordChurn', { churnId: `${c.accountId}-churn`, accountId: c.accountId, occurredAt: nowIso(w) });
}

function paymentAmounts(w: DemoWorld, c: Customer, monthlyUsd: number): { amount: string; costOfRevenue?: string } {
  const r = w.random;
  switch (c.model) {
    case 'monthly_subscription':
      return { amount: priceIn(c.currency, monthlyUsd) };
    case 'annual_subscription':
      // Annual plans are paid up front at a discount.
      return { amount: priceIn(c.currency, monthlyUsd * 12 * 0.85) };
    case 'usage': {
      // Usage varies month to month; model API costs are passed through (the plan may pay on net).
      const amount = priceIn(c.currency, monthlyUsd * r.logNormal(1, 0.35));
      return { amount, costOfRevenue: costShare(amount, c.currency, r.between(0.2, 0.45)) };
    }
    case 'outcome': {
      const amount = priceIn(c.currency, monthlyUsd * r.between(1, 4));
      return r.chance(0.5) ? { amount, costOfRevenue: costShare(amount, c.currency, r.between(0.1, 0.3)) } : { amount };
    }
  }
}

function costShare(amount: string, currency: string, share: number): string {
  return roundToMinor(new Money(amount).times(share.toFixed(4)), currency);
}

function nextPaymentAt(w: DemoWorld, c: Customer, at: number): number {
  switch (c.model) {
    case 'monthly_subscription':
    case 'usage':
      return addMonths(at, 1);
    case 'annual_subscription':
      return addMonths(at, 12);
    case 'outcome':
      return at + w.random.between(20, 75) * DAY_MS;
  }
}

function addMonths(at: number, months: number): number {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/** A refund of part of a payment, or all of it, a few days after it was paid. */
function* refund(w: DemoWorld, c: Customer, paymentId: string, amount: string): Journey {
  const refunded = w.random.chance(0.4) ? amount : fractionOf(amount, c.currency, w.random.between(0.1, 0.5));
  yield send('RecordRefund', { refundId: `${paymentId}-refund`, paymentId, amount: refunded, occurredAt: nowIso(w) });
}

/**
 * The claimant disputes who brought the account; the partner manager decides within days. Most
 * rulings keep the partner the rules credited; some go to the claimant; a claim against an account
 * nobody was credited for is sometimes left open.
 */
function* dispute(w: DemoWorld, c: Customer): Journey {
  const claimant = c.claimant!;
  const disputeId = c.ids.next('dsp');
  yield send('OpenDispute', {
    disputeId,
    accountId: c.accountId,
    claimantPartnerId: claimant.partnerId,
    openedAt: nowIso(w),
    reason: c.owner ? `claims to have introduced the account before ${c.owner.partnerId}` : 'claims an introduction the ledger did not credit',
  });
  yield waitDays(w.random.between(3, 21));
  if (!c.owner && w.random.chance(0.3)) return;
  const winner = c.owner && w.random.chance(0.65) ? c.owner : claimant;
  yield send('ResolveDispute', {
    disputeId,
    winnerPartnerId: winner.partnerId,
    resolvedAt: nowIso(w),
    note: winner === claimant ? 'claimant showed the earlier introduction' : 'registration and first touch confirmed',
  });
}
