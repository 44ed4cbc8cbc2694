import type { CommissionEarned } from '../messages/events';
import {
  enrolledPartner,
  flatRates,
  ids,
  influenced,
  partnerMap,
  payment,
  planBookFrom,
  planPublished,
  sourced,
  tierChanged,
  violationRecorded,
} from '../testing/partner-builders';
import type { PartnerState } from '../partners/partner-state';
import type { PlanBook } from '../plans/plan-book';
import type { CreditClaim, PaymentFacts } from './commission-position';
import { commissionsForPayment } from './earn';

const JAN_15 = '2026-01-15T10:00:00.000Z';

function earn(over: {
  payment?: Partial<PaymentFacts>;
  earlier?: PaymentFacts[];
  credits?: CreditClaim[];
  partners?: PartnerState[];
  plans?: PlanBook;
}): CommissionEarned[] {
  return commissionsForPayment({
    payment: payment({ occurredAt: JAN_15, ...over.payment }),
    earlierPayments: over.earlier ?? [],
    credits: over.credits ?? [sourced('p1')],
    partners: partnerMap(...(over.partners ?? [enrolledPartner('p1', 'referral')])),
    plans: over.plans ?? planBookFrom(),
    nextEventId: ids('earned'),
  });
}
const amounts = (events: CommissionEarned[]) => events.map((e) => e.data.amount);

describe('commissionsForPayment', () => {
  it('given a referral partner sourcing a monthly payment, earns 10% payable net-30, citing payment, attribution and tier', () => {
    expect(earn({})).toEqual([
      {
        type: 'CommissionEarned',
        eventId: 'earned-0',
        occurredAt: JAN_15,
        data: {
          commissionId: 'pay-1:p1',
          paymentId: 'pay-1',
          accountId: 'acc-1',
          partnerId: 'p1',
          credit: 'sourced',
          tier: 'referral',
          revenueModel: 'monthly_subscription',
          basis: '1000.00',
          rate: '0.1',
          amount: '100.00',
          unroundedAmount: '100',
          currency: 'USD',
          payableFrom: '2026-02-14T10:00:00.000Z',
          held: false,
          planId: 'default',
          rule: 'commission.referral_first_year',
          planVersion: 1,
          evidence: ['payment:pay-1', 'attribution:p1', 'enrolled:p1'],
        },
      },
    ]);
  });

  it('pays integration and solution from the first of the next month (UTC), for the customer lifetime', () => {
    const [integration] = earn({ partners: [enrolledPartner('p1', 'integration')], payment: { occurredAt: '2026-01-31T23:59:59.999Z' } });
    expect(integration!.data).toMatchObject({ amount: '200.00', rule: 'commission.lifetime', payableFrom: '2026-02-01T00:00:00.000Z' });
    const [solution] = earn({ partners: [enrolledPartner('p1', 'solution')], payment: { occurredAt: '2026-12-15T00:00:00.000Z' } });
    expect(solution!.data).toMatchObject({ amount: '300.00', payableFrom: '2027-01-01T00:00:00.000Z' });
  });

  it('pays solution 35% on outcome payments, every one of them', () => {
    const earlier = [payment({ paymentId: 'pay-0', revenueModel: 'outcome', occurredAt: '2026-01-01T00:00:00.000Z' })];
    const [second] = earn({ partners: [enrolledPartner('p1', 'solution')], payment: { revenueModel: 'outcome' }, earlier });
    expect(second!.data).toMatchObject({ rate: '0.35', amount: '350.00', rule: 'commission.lifetime' });
  });

  it('gives influenced credit half the sourced rate, one commission per credited partner, ids in order', () => {
    const events = earn({ partners: [enrolledPartner('p1', 'integration'), enrolledPartner('p2', 'integration')], credits: [sourced('p1'), influenced('p2')] });
    expect(events.map((e) => [e.eventId, e.data.commissionId, e.data.credit, e.data.rate, e.data.amount])).toEqual([
      ['earned-0', 'pay-1:p1', 'sourced', '0.2', '200.00'],
      ['earned-1', 'pay-1:p2', 'influenced', '0.1', '100.00'],
    ]);
    expect(events[1]!.data.evidence).toEqual(['payment:pay-1', 'contribution:p2', 'enrolled:p2']);
  });

  it('earns once per partner even if attribution credited it twice (sourced wins)', () => {
    const events = earn({ credits: [influenced('p1'), sourced('p1')] });
    expect(events.map((e) => [e.data.credit, e.data.amount])).toEqual([['sourced', '100.00']]);
  });

  describe('referral: the first 12 months from the account\'s first payment', () => {
    const first = payment({ paymentId: 'pay-0', occurredAt: JAN_15 });

    it('earns on the last instant of month 12 and not from the anniversary on', () => {
      expect(amounts(earn({ earlier: [first], payment: { occurredAt: '2027-01-15T09:59:59.999Z' } }))).toEqual(['100.00']);
      expect(earn({ earlier: [first], payment: { occurredAt: '2027-01-15T10:00:00.000Z' } })).toEqual([]);
    });

    it('counts from a back-dated earlier payment, whatever order payments were recorded in', () => {
      const backDated = payment({ paymentId: 'pay-b', occurredAt: '2026-01-10T00:00:00.000Z' });
      const march = payment({ paymentId: 'pay-m', occurredAt: '2026-03-01T00:00:00.000Z' });
      expect(earn({ earlier: [march], payment: { occurredAt: '2027-01-20T00:00:00.000Z' } })).toHaveLength(1);
      expect(earn({ earlier: [march, backDated], payment: { occurredAt: '2027-01-20T00:00:00.000Z' } })).toEqual([]);
    });

    it('counts any model\'s first payment, and usage and annual payments earn inside the year', () => {
      const earlier = [payment({ paymentId: 'pay-0', revenueModel: 'annual_subscription', occurredAt: '2025-06-01T00:00:00.000Z' })];
      expect(earn({ earlier, payment: { revenueModel: 'usage', occurredAt: '2026-05-31T23:59:59.999Z' } })).toHaveLength(1);
      expect(earn({ earlier, payment: { revenueModel: 'usage', occurredAt: '2026-06-01T00:00:00.000Z' } })).toEqual([]);
    });

    it('earns on the first outcome payment only', () => {
      const [firstOutcome] = earn({ payment: { revenueModel: 'outcome' }, earlier: [first] });
      expect(firstOutcome!.data).toMatchObject({ rule: 'commission.outcome_first_payment', amount: '100.00' });
      const earlierOutcome = payment({ paymentId: 'pay-o', revenueModel: 'outcome', occurredAt: '2026-01-01T00:00:00.000Z' });
      expect(earn({ payment: { revenueModel: 'outcome' }, earlier: [earlierOutcome] })).toEqual([]);
    });

    it('treats an outcome payment at the same instant as one recorded earlier as the second', () => {
      const sameInstant = payment({ paymentId: 'pay-o', revenueModel: 'outcome', occurredAt: JAN_15 });
      expect(earn({ payment: { revenueModel: 'outcome' }, earlier: [sameInstant] })).toEqual([]);
    });
  });

  describe('tier and plan in force at the payment time', () => {
    const partner = enrolledPartner('p1', 'referral', '2026-01-01T00:00:00.000Z', [
      tierChanged({ changeId: 'up', fromTier: 'referral', tier: 'integration', effectiveAt: '2026-06-01T00:00:00.000Z' }),
    ]);
    const plans = planBookFrom(planPublished({ version: 2, effectiveFrom: '2026-06-01T00:00:00.000Z', rates: flatRates('0.15'), eventId: 'plan-v2' }));

    it('applies the older plan and tier to a payment back-dated before both changes', () => {
      const [older] = earn({ partners: [partner], plans, payment: { occurredAt: '2026-05-31T23:59:59.999Z' } });
      expect(older!.data).toMatchObject({ tier: 'referral', rate: '0.1', amount: '100.00', planVersion: 1, evidence: ['payment:pay-1', 'attribution:p1', 'enrolled:p1'] });
    });

    it('applies the new plan and tier from their effective instant, citing both', () => {
      const [newer] = earn({ partners: [partner], plans, payment: { occurredAt: '2026-06-01T00:00:00.000Z' } });
      expect(newer!.data).toMatchObject({ tier: 'integration', rate: '0.15', amount: '150.00', planVersion: 2, rule: 'commission.lifetime' });
      expect(newer!.data.evidence).toEqual(['payment:pay-1', 'attribution:p1', 'tier:up', 'plan-v2']);
    });
  });

  describe('basis', () => {
    const net = planBookFrom(planPublished({ version: 2, effectiveFrom: '2026-01-01T00:00:00.000Z', basis: 'net', eventId: 'plan-net' }));

    it('subtracts the cost of revenue under a net plan', () => {
      const [commission] = earn({ plans: net, payment: { amount: '1000.00', costOfRevenue: '400.01' } });
      expect(commission!.data).toMatchObject({ basis: '599.99', unroundedAmount: '59.999', amount: '60.00', planVersion: 2 });
    });

    it('ignores the cost of revenue under a gross plan', () => {
      expect(amounts(earn({ payment: { amount: '1000.00', costOfRevenue: '400.00' } }))).toEqual(['100.00']);
    });

    it('never goes below zero: a cost above the amount earns nothing', () => {
      expect(earn({ plans: net, payment: { amount: '100.00', costOfRevenue: '150.00' } })).toEqual([]);
    });
  });

  describe('one half-even rounding to the currency minor unit', () => {
    it.each([
      ['9999.99', 'USD', 'referral', '999.999', '1000.00'],
      ['1.25', 'USD', 'referral', '0.125', '0.12'],
      ['1.35', 'USD', 'referral', '0.135', '0.14'],
      ['12345', 'JPY', 'referral', '1234.5', '1234'],
      ['12355', 'JPY', 'referral', '1235.5', '1236'],
      ['12345', 'JPY', 'solution', '3703.5', '3704'],
      ['1.250', 'BHD', 'referral', '0.125', '0.125'],
      ['10.005', 'BHD', 'referral', '1.0005', '1.000'],
      ['10.015', 'BHD', 'referral', '1.0015', '1.002'],
    ])('%s %s at %s: %s → %s', (amount, currency, tier, unrounded, rounded) => {
      const [commission] = earn({ partners: [enrolledPartner('p1', tier as 'referral')], payment: { amount, currency } });
      expect(commission!.data).toMatchObject({ unroundedAmount: unrounded, amount: rounded, currency });
    });

    it('rounds the influenced amount once, from the exact product of both factors', () => {
      // 0.25 × 0.1004 × 0.5 = 0.01255 → 0.01. Rounding the sourced amount first (0.0251 → 0.03, then
      // × 0.5 = 0.015 → 0.02) would pay a cent more.
      const plans = planBookFrom(planPublished({ version: 2, rates: flatRates('0.1004') }));
      const [commission] = earn({ plans, credits: [influenced('p1')], payment: { amount: '0.25' } });
      expect(commission!.data).toMatchObject({ rate: '0.0502', unroundedAmount: '0.01255', amount: '0.01' });
    });

    it('emits nothing when the rounded amount is zero', () => {
      expect(earn({ payment: { amount: '0.04' } })).toEqual([]);
      expect(amounts(earn({ payment: { amount: '0.05' } }))).toEqual([]); // 0.005 → 0.00 (half-even)
      expect(amounts(earn({ payment: { amount: '0.06' } }))).toEqual(['0.01']);
    });
  });

  describe('partner standing', () => {
    const ladder = (n: number) => [1, 2, 3].slice(0, n).map((i) => violationRecorded(i));
    const removedAt = '2026-03-01T00:00:00.000Z';
    const removed = enrolledPartner('p1', 'referral', '2026-01-01T00:00:00.000Z', [
      { type: 'PartnerRemoved', eventId: 'removed', occurredAt: removedAt, data: { partnerId: 'p1', violationId: 'v3', rule: 'r', evidence: [] } },
    ]);

    it('earns nothing from the removal on, but still earns on a payment just before it', () => {
      expect(earn({ partners: [removed], payment: { occurredAt: removedAt } })).toEqual([]);
      expect(amounts(earn({ partners: [removed], payment: { occurredAt: '2026-02-28T23:59:59.999Z' } }))).toEqual(['100.00']);
    });

    it('earns while held, marked held', () => {
      const held = enrolledPartner('p1', 'referral', '2026-01-01T00:00:00.000Z', [
        ...ladder(2),
        { type: 'CommissionsHeld', eventId: 'hold', occurredAt: '2026-01-02T00:00:00.000Z', data: { partnerId: 'p1', violationId: 'v2', rule: 'r', evidence: [] } },
      ]);
      expect(earn({ partners: [held] }).map((e) => [e.data.amount, e.data.held])).toEqual([['100.00', true]]);
    });

    it('earns nothing for a credited partner that is not enrolled', () => {
      expect(earn({ partners: [], credits: [sourced('ghost')] })).toEqual([]);
    });
  });
});
