import { eventIdFor } from '../shared/ids';
import {
  ACCOUNT,
  accepted,
  accountFrom,
  attributed,
  cmd,
  contextWith,
  day,
  paymentRecorded,
  touched,
  typesOf,
  when,
} from '../testing/account-builders';

const context = contextWith({ p1: 'integration', p2: 'solution', ref: 'referral' });

function pay(paymentId: string, amount: string, occurredAt: string) {
  return cmd('RecordPayment', {
    paymentId,
    amount,
    currency: 'USD',
    revenueModel: 'monthly_subscription',
    occurredAt,
  });
}

describe('payments: commissions for the sourced and influenced partners', () => {
  const given = accountFrom([
    touched({ touchpointId: 't1', partnerId: 'p1', kind: 'coupon', at: day(0) }),
    attributed({ sourced: 'p1', eventId: 'attribution:1' }),
    touched({ touchpointId: 'demo', partnerId: 'p2', kind: 'demo', at: day(20) }),
    touched({ touchpointId: 'own-demo', partnerId: 'p1', kind: 'reference', at: day(21) }),
  ]);

  it('records the payment, the changed attribution, then one commission per partner (sourced never also influenced)', () => {
    const command = pay('pay-1', '1000.00', day(30, 9));
    const decision = accepted(when(given, command, context));
    const ids = [0, 1, 2, 3].map((i) => eventIdFor(command.metadata.commandId, i));

    expect(typesOf(decision.events)).toEqual([
      'PaymentRecorded',
      'AttributionDecided',
      'CommissionEarned',
      'CommissionEarned',
    ]);
    expect(decision.events[0]).toEqual({
      type: 'PaymentRecorded',
      eventId: ids[0],
      occurredAt: day(30, 9),
      data: {
        paymentId: 'pay-1',
        accountId: ACCOUNT,
        amount: '1000.00',
        currency: 'USD',
        revenueModel: 'monthly_subscription',
      },
    });
    expect(decision.events[1]!.data).toMatchObject({
      sourced: 'p1',
      influenced: ['p2'],
      evidence: ['touch:t1', 'touch:demo', ids[0]],
    });
    expect(decision.events[2]!.data).toMatchObject({
      commissionId: 'pay-1:p1',
      partnerId: 'p1',
      credit: 'sourced',
      tier: 'integration',
      rate: '0.2',
      amount: '200.00',
      payableFrom: '2026-02-01T00:00:00.000Z',
      evidence: expect.arrayContaining([ids[0], 'touch:t1', ids[1]]),
    });
    expect(decision.events[3]!.data).toMatchObject({
      commissionId: 'pay-1:p2',
      partnerId: 'p2',
      credit: 'influenced',
      tier: 'solution',
      rate: '0.15',
      amount: '150.00',
    });
    expect(decision.reply).toEqual({
      status: 'recorded',
      commissions: [
        {
          commissionId: 'pay-1:p1',
          partnerId: 'p1',
          credit: 'sourced',
          amount: '200.00',
          currency: 'USD',
          rule: 'commission.lifetime',
        },
        {
          commissionId: 'pay-1:p2',
          partnerId: 'p2',
          credit: 'influenced',
          amount: '150.00',
          currency: 'USD',
          rule: 'commission.lifetime',
        },
      ],
    });
    expect(decision.keys).toEqual(['payment:pay-1']);
  });

  it('earns nothing and records no attribution for an account no partner touched', () => {
    const decision = accepted(when(accountFrom([]), pay('pay-1', '1000.00', day(1)), context));
    expect(typesOf(decision.events)).toEqual(['PaymentRecorded']);
    expect(decision.reply).toEqual({ status: 'recorded', commissions: [] });
  });
});

describe('payments: the given history can be built from events', () => {
  it('counts earlier payments from events for the referral first year', () => {
    const given = accountFrom([
      touched({ touchpointId: 't1', partnerId: 'ref', kind: 'coupon', at: day(0) }),
      attributed({ sourced: 'ref' }),
      paymentRecorded({ paymentId: 'pay-0', at: day(1) }),
    ]);
    const decision = accepted(when(given, pay('pay-1', '1000.00', day(366)), context));
    // Past the first 12 months from the first payment, a referral partner earns nothing.
    expect(typesOf(decision.events)).toEqual(['PaymentRecorded']);
  });
});
