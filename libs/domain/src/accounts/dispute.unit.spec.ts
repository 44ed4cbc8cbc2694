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

const context = contextWith({ p1: 'integration', p2: 'solution', p3: 'referral' });

function pay(paymentId: string, amount: string, occurredAt: string) {
  return cmd('RecordPayment', {
    paymentId,
    amount,
    currency: 'USD',
    revenueModel: 'monthly_subscription',
    occurredAt,
  });
}

/** p1 sourced the account and earned 200.00 on pay-1, 50.00 of which a refund took back; p2 disputes. */
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
    cmd('RecordRefund', {
      refundId: 'rf-1',
      paymentId: 'pay-1',
      amount: '250.00',
      occurredAt: day(12),
    }),
    cmd('OpenDispute', {
      disputeId: 'd1',
      claimantPartnerId: 'p2',
      openedAt: day(20),
      reason: 'introduced them at a conference',
    }),
  ],
  context,
);
const earnedId = history.events.find((e) => e.type === 'CommissionEarned')!.eventId;

describe('disputes: opening', () => {
  it('records the dispute and claims its id', () => {
    const decision = accepted(
      when(
        accountFrom([]),
        cmd('OpenDispute', {
          disputeId: 'd9',
          claimantPartnerId: 'p2',
          openedAt: day(1),
          reason: 'mine',
        }),
        context,
      ),
    );
    expect(typesOf(decision.events)).toEqual(['DisputeOpened']);
    expect(decision.events[0]!.data).toEqual({
      disputeId: 'd9',
      accountId: ACCOUNT,
      claimantPartnerId: 'p2',
      reason: 'mine',
    });
    expect(decision.keys).toEqual(['dispute:d9']);
  });

  it('refuses a claimant that is not enrolled', () => {
    const refusal = refused(
      when(
        accountFrom([]),
        cmd('OpenDispute', {
          disputeId: 'd9',
          claimantPartnerId: 'ghost',
          openedAt: day(1),
          reason: 'x',
        }),
        context,
      ),
    );
    expect(refusal).toMatchObject({ code: 'partner.not_found', field: 'claimantPartnerId' });
  });
});

describe('disputes: resolution', () => {
  const resolve = cmd('ResolveDispute', {
    disputeId: 'd1',
    winnerPartnerId: 'p2',
    resolvedAt: day(25),
    note: 'CRM notes confirm p2',
  });

  it('names the winner sourced and moves the loser’s outstanding commission to it, same payment and payable date', () => {
    const decision = accepted(when(history.state, resolve, context));
    const ids = [0, 1, 2].map((i) => eventIdFor(resolve.metadata.commandId, i));

    expect(typesOf(decision.events)).toEqual([
      'DisputeResolved',
      'AttributionDecided',
      'CommissionReassigned',
    ]);
    expect(decision.events[0]!.data).toEqual({
      disputeId: 'd1',
      accountId: ACCOUNT,
      winnerPartnerId: 'p2',
      loserPartnerIds: ['p1'],
      note: 'CRM notes confirm p2',
    });
    expect(decision.events[1]!.data).toEqual({
      accountId: ACCOUNT,
      sourced: 'p2',
      influenced: [],
      credits: [
        {
          partnerId: 'p2',
          credit: 'sourced',
          rule: 'attribution.dispute_resolution',
          evidence: [ids[0]],
        },
      ],
      rule: 'attribution.dispute_resolution',
      evidence: [ids[0]],
    });
    expect(decision.events[2]).toEqual({
      type: 'CommissionReassigned',
      eventId: ids[2],
      occurredAt: day(25),
      data: {
        commissionId: 'pay-1:p1',
        newCommissionId: 'pay-1:p1:dispute:d1',
        disputeId: 'd1',
        paymentId: 'pay-1',
        accountId: ACCOUNT,
        fromPartnerId: 'p1',
        toPartnerId: 'p2',
        amount: '150.00',
        currency: 'USD',
        payableFrom: '2026-02-01T00:00:00.000Z',
        toTier: 'solution',
        rule: 'commission.dispute_reassignment',
        planVersion: 1,
        evidence: [ids[0], earnedId],
      },
    });
    expect(decision.reply).toEqual({
      status: 'recorded',
      loserPartnerIds: ['p1'],
      reassignments: [
        {
          commissionId: 'pay-1:p1',
          newCommissionId: 'pay-1:p1:dispute:d1',
          fromPartnerId: 'p1',
          amount: '150.00',
          currency: 'USD',
        },
      ],
    });
  });

  it('lets later payments earn for the winner, and a later refund reverse the moved commission', () => {
    const resolved = replay(history.state, [resolve], context);
    const payment = accepted(when(resolved.state, pay('pay-2', '1000.00', day(40)), context));
    expect(typesOf(payment.events)).toEqual(['PaymentRecorded', 'CommissionEarned']);
    expect(payment.events[1]!.data).toMatchObject({
      commissionId: 'pay-2:p2',
      partnerId: 'p2',
      credit: 'sourced',
      tier: 'solution',
      amount: '300.00',
    });

    const refund = accepted(
      when(
        resolved.state,
        cmd('RecordRefund', {
          refundId: 'rf-2',
          paymentId: 'pay-1',
          amount: '750.00',
          occurredAt: day(41),
        }),
        context,
      ),
    );
    expect(refund.events[1]!.data).toMatchObject({
      commissionId: 'pay-1:p1:dispute:d1',
      partnerId: 'p2',
      amount: '150.00',
    });
  });

  it('refuses an unknown dispute, a second resolution and a winner that is not enrolled', () => {
    expect(
      refused(
        when(
          history.state,
          cmd('ResolveDispute', {
            disputeId: 'nope',
            winnerPartnerId: 'p2',
            resolvedAt: day(25),
            note: '',
          }),
          context,
        ),
      ),
    ).toMatchObject({
      code: 'dispute.not_found',
      field: 'disputeId',
    });
    const resolved = replay(history.state, [resolve], context).state;
    expect(
      refused(
        when(resolved, { ...resolve, metadata: { commandId: 'ResolveDispute:d1#2' } }, context),
      ),
    ).toMatchObject({
      code: 'dispute.already_resolved',
      details: { winnerPartnerId: 'p2', resolvedAt: day(25) },
    });
    expect(
      refused(
        when(
          history.state,
          cmd('ResolveDispute', {
            disputeId: 'd1',
            winnerPartnerId: 'ghost',
            resolvedAt: day(25),
            note: '',
          }),
          context,
        ),
      ),
    ).toMatchObject({
      code: 'partner.not_found',
      field: 'winnerPartnerId',
    });
  });

  it('leaves the sourced partner’s commissions alone when it wins the dispute', () => {
    const decision = accepted(
      when(
        history.state,
        cmd('ResolveDispute', {
          disputeId: 'd1',
          winnerPartnerId: 'p1',
          resolvedAt: day(25),
          note: 'p1 keeps it',
        }),
        context,
      ),
    );
    expect(typesOf(decision.events)).toEqual(['DisputeResolved', 'AttributionDecided']);
    expect(decision.events[0]!.data).toMatchObject({ loserPartnerIds: [] });
    expect(decision.events[1]!.data).toMatchObject({
      sourced: 'p1',
      rule: 'attribution.dispute_resolution',
    });
  });
});
