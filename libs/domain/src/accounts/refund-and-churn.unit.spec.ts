import { eventIdFor } from '../shared/ids';
import {
  ACCOUNT,
  accepted,
  accountFrom,
  cmd,
  contextWith,
  day,
  refused,
  replay,
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

describe('refunds', () => {
  const history = replay(
    accountFrom([]),
    [
      cmd('RecordTouchpoint', {
        touchpointId: 't1',
        partnerId: 'p1',
        kind: 'coupon',
        occurredAt: day(0),
      }),
      pay('pay-1', '1000.00', day(10)),
    ],
    context,
  );

  it('reverses the commission in proportion to the refunded amount', () => {
    const command = cmd('RecordRefund', {
      refundId: 'rf-1',
      paymentId: 'pay-1',
      amount: '250.00',
      occurredAt: day(15),
    });
    const decision = accepted(when(history.state, command, context));
    const refundId = eventIdFor(command.metadata.commandId, 0);

    expect(typesOf(decision.events)).toEqual(['PaymentRefunded', 'CommissionReversed']);
    expect(decision.events[0]!.data).toEqual({
      refundId: 'rf-1',
      paymentId: 'pay-1',
      accountId: ACCOUNT,
      amount: '250.00',
      currency: 'USD',
    });
    expect(decision.events[1]!.data).toMatchObject({
      commissionId: 'pay-1:p1',
      partnerId: 'p1',
      amount: '50.00',
      evidence: [refundId, history.events[3]!.eventId, history.events[2]!.eventId],
    });
    expect(decision.reply).toEqual({
      status: 'recorded',
      reversals: [{ commissionId: 'pay-1:p1', partnerId: 'p1', amount: '50.00', currency: 'USD' }],
    });
    expect(decision.keys).toEqual(['refund:rf-1']);
  });

  it('refuses a refund with more decimals than the payment currency allows, and accepts the same at its scale', () => {
    const tooFine = refused(
      when(history.state, cmd('RecordRefund', { refundId: 'rf-9', paymentId: 'pay-1', amount: '10.005', occurredAt: day(15) }), context),
    );
    expect(tooFine).toMatchObject({ code: 'refund.invalid_amount', field: 'amount' });
    const fine = accepted(
      when(history.state, cmd('RecordRefund', { refundId: 'rf-9', paymentId: 'pay-1', amount: '10.00', occurredAt: day(15) }), context),
    );
    expect(fine.events[0]!.type).toBe('PaymentRefunded');
  });

  it('refuses a refund larger than what is left of the payment, naming the amount field', () => {
    const first = replay(
      history.state,
      [
        cmd('RecordRefund', {
          refundId: 'rf-1',
          paymentId: 'pay-1',
          amount: '600.00',
          occurredAt: day(15),
        }),
      ],
      context,
    );
    const refusal = refused(
      when(
        first.state,
        cmd('RecordRefund', {
          refundId: 'rf-2',
          paymentId: 'pay-1',
          amount: '400.01',
          occurredAt: day(16),
        }),
        context,
      ),
    );
    expect(refusal).toMatchObject({
      code: 'refund.exceeds_payment',
      field: 'amount',
      details: { remaining: '400.00', currency: 'USD' },
    });

    const rest = accepted(
      when(
        first.state,
        cmd('RecordRefund', {
          refundId: 'rf-2',
          paymentId: 'pay-1',
          amount: '400.00',
          occurredAt: day(16),
        }),
        context,
      ),
    );
    // The full refund reverses exactly what was earned: 120.00 after 600.00, then the last 80.00.
    expect(rest.events[1]!.data).toMatchObject({ amount: '80.00' });
  });

  it('refuses a refund of an unknown payment', () => {
    const refusal = refused(
      when(
        history.state,
        cmd('RecordRefund', {
          refundId: 'rf-1',
          paymentId: 'nope',
          amount: '1.00',
          occurredAt: day(15),
        }),
        context,
      ),
    );
    expect(refusal).toMatchObject({ code: 'payment.not_found', field: 'paymentId' });
  });
});

describe('churn', () => {
  it('claws back a referral commission in full within 60 days, through the account', () => {
    const history = replay(
      accountFrom([]),
      [
        cmd('RecordTouchpoint', {
          touchpointId: 't1',
          partnerId: 'ref',
          kind: 'coupon',
          occurredAt: day(0),
        }),
        pay('pay-1', '1000.00', day(1)),
      ],
      context,
    );
    const command = cmd('RecordChurn', { churnId: 'ch-1', occurredAt: day(61) });
    const decision = accepted(when(history.state, command, context));

    expect(typesOf(decision.events)).toEqual(['CustomerChurned', 'CommissionClawedBack']);
    expect(decision.events[1]!.data).toMatchObject({
      commissionId: 'pay-1:ref',
      churnId: 'ch-1',
      partnerId: 'ref',
      daysRetained: 60,
      amount: '100.00',
      evidence: [eventIdFor(command.metadata.commandId, 0), history.events[3]!.eventId],
    });
    expect(decision.reply).toEqual({
      status: 'recorded',
      clawbacks: [
        { commissionId: 'pay-1:ref', partnerId: 'ref', amount: '100.00', currency: 'USD' },
      ],
    });
  });

  it('claws back what is outstanding after a refund, pro rata for integration', () => {
    const history = replay(
      accountFrom([]),
      [
        cmd('RecordTouchpoint', {
          touchpointId: 't1',
          partnerId: 'p1',
          kind: 'coupon',
          occurredAt: day(0),
        }),
        pay('pay-1', '1000.00', day(0)),
        cmd('RecordRefund', {
          refundId: 'rf-1',
          paymentId: 'pay-1',
          amount: '100.00',
          occurredAt: day(5),
        }),
      ],
      context,
    );
    const decision = accepted(
      when(history.state, cmd('RecordChurn', { churnId: 'ch-1', occurredAt: day(45) }), context),
    );
    // Outstanding 200.00 − 20.00 = 180.00, × (90 − 45) / 90.
    expect(decision.events[1]!.data).toMatchObject({ daysRetained: 45, amount: '90.00' });
  });
});
