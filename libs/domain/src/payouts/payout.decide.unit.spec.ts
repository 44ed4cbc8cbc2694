import Decimal from 'decimal.js';
import type { CommissionsHeld, CommissionsReleased, PartnerRemoved } from '../messages/events';
import type { PayoutFailed, PayoutMarkedPaid } from '../messages/payout-events';
import { T0 } from '../testing/partner-builders';
import { PAYOUT_CODES } from './payout.rules';
import {
  PARTNER,
  adjustment,
  commission,
  issued,
  partner,
  refused,
  stateFrom,
  when,
} from './testing/payout-builders';

const derivation = { rule: 'pricing.ladder', evidence: [] };
const held: CommissionsHeld = {
  type: 'CommissionsHeld',
  eventId: 'held',
  occurredAt: T0,
  data: { partnerId: PARTNER, violationId: 'v2', ...derivation },
};
const released: CommissionsReleased = {
  type: 'CommissionsReleased',
  eventId: 'released',
  occurredAt: T0,
  data: { partnerId: PARTNER, releaseId: 'r1', reason: 'fixed', ...derivation },
};
const removed: PartnerRemoved = {
  type: 'PartnerRemoved',
  eventId: 'removed',
  occurredAt: T0,
  data: { partnerId: PARTNER, violationId: 'v3', ...derivation },
};

function failed(payoutId: string, itemIds: string[]): PayoutFailed {
  return {
    type: 'PayoutFailed',
    eventId: `failed:${payoutId}`,
    occurredAt: T0,
    data: {
      payoutId,
      runId: 'run-1',
      partnerId: PARTNER,
      currency: 'USD',
      amount: '0',
      releasedItemIds: itemIds,
    },
  };
}

function paid(payoutId: string): PayoutMarkedPaid {
  return {
    type: 'PayoutMarkedPaid',
    eventId: `paid:${payoutId}`,
    occurredAt: T0,
    data: { payoutId, runId: 'run-1', partnerId: PARTNER, currency: 'USD', amount: '0' },
  };
}

describe('decidePayout: the minimum payout', () => {
  it('pays nothing when the net is 49.99 and carries it forward', () => {
    const decision = refused(when(stateFrom(), [commission(1, '30.00'), commission(2, '19.99')]));
    expect(decision.code).toBe(PAYOUT_CODES.nothingToPay);
    expect(decision.details).toEqual({
      carriedForward: [
        { partnerId: PARTNER, currency: 'USD', amount: '49.99', itemIds: ['pay-1:p1', 'pay-2:p1'] },
      ],
    });
  });

  it('pays exactly 50.00, one line per item, the lines summing to the payout', () => {
    const [payout] = issued(when(stateFrom(), [commission(1, '30.01'), commission(2, '19.99')]));
    expect(payout!.data).toMatchObject({
      payoutId: 'run-1:p1:USD',
      runId: 'run-1',
      partnerId: PARTNER,
      currency: 'USD',
      amount: '50.00',
    });
    expect(payout!.data.lines.map((l) => [l.kind, l.itemId, l.amount])).toEqual([
      ['commission', 'pay-1:p1', '30.01'],
      ['commission', 'pay-2:p1', '19.99'],
    ]);
    expect(payout!.occurredAt).toBe('2026-02-01T00:00:00.000Z');
  });

  it('honours the minimum the run was given', () => {
    expect(
      refused(when(stateFrom(), [commission(1, '99.99')], { minimumPayout: '100' })).code,
    ).toBe(PAYOUT_CODES.nothingToPay);
    expect(
      issued(when(stateFrom(), [commission(1, '100.00')], { minimumPayout: '100' }))[0]!.data
        .amount,
    ).toBe('100.00');
  });

  it('never pays a zero net, even under a zero minimum', () => {
    const earned = commission(1, '40.00');
    const decision = refused(
      when(stateFrom(), [earned, adjustment('reversal', earned, '-40.00')], { minimumPayout: '0' }),
    );
    expect(decision.details).toMatchObject({ carriedForward: [{ amount: '0.00' }] });
  });
});

describe('decidePayout: net of reversals and clawbacks, negatives carried', () => {
  it('pays commissions net of their adjustments, each adjustment its own line', () => {
    const a = commission(1, '100.00');
    const b = commission(2, '80.00');
    const [payout] = issued(
      when(stateFrom(), [
        a,
        b,
        adjustment('reversal', a, '-25.00'),
        adjustment('clawback', b, '-5.50'),
      ]),
    );
    expect(payout!.data.amount).toBe('149.50');
    expect(payout!.data.lines.map((l) => l.kind)).toEqual([
      'commission',
      'commission',
      'reversal',
      'clawback',
    ]);
  });

  it('carries a negative balance forward and offsets it against later commissions', () => {
    const paidEarlier = commission(1, '100.00');
    const clawback = adjustment('clawback', paidEarlier, '-80.00', {
      occurredAt: '2026-01-15T00:00:00.000Z',
    });
    const after = stateFrom();
    const owed = refused(when(after, [clawback]));
    expect(owed.details).toEqual({
      carriedForward: [
        { partnerId: PARTNER, currency: 'USD', amount: '-80.00', itemIds: [clawback.itemId] },
      ],
    });

    const small = commission(2, '100.00');
    expect(refused(when(after, [clawback, small])).details).toMatchObject({
      carriedForward: [{ amount: '20.00' }],
    });

    const [payout] = issued(
      when(after, [clawback, small, commission(3, '35.00')], {
        carried: new Map([[clawback.itemId, 'run-0']]),
      }),
    );
    expect(payout!.data.amount).toBe('55.00');
    expect(payout!.data.lines.find((l) => l.itemId === clawback.itemId)).toMatchObject({
      kind: 'carried',
      itemKind: 'clawback',
      amount: '-80.00',
      carriedFromRunId: 'run-0',
    });
  });

  it('keeps a reversal of a commission that is not payable yet with that commission', () => {
    const later = commission(1, '300.00', { payableFrom: '2026-03-01T00:00:00.000Z' });
    const reversal = adjustment('reversal', later, '-100.00', {
      occurredAt: '2026-01-20T00:00:00.000Z',
    });
    const other = commission(2, '60.00');
    const [now] = issued(when(stateFrom(), [later, reversal, other]));
    expect(now!.data.lines.map((l) => l.itemId)).toEqual(['pay-2:p1']);

    const [march] = issued(
      when(stateFrom(), [later, reversal], { asOf: '2026-03-01T00:00:00.000Z' }),
    );
    expect(march!.data.amount).toBe('200.00');
  });

  it('waits for an adjustment that occurs after the run as of', () => {
    const earned = commission(1, '100.00');
    const [payout] = issued(
      when(stateFrom(), [
        earned,
        adjustment('reversal', earned, '-100.00', { occurredAt: '2026-02-01T00:00:00.001Z' }),
      ]),
    );
    expect(payout!.data.amount).toBe('100.00');
  });
});

describe('decidePayout: who is paid', () => {
  it('skips a held partner, and pays it again once released', () => {
    expect(
      refused(
        when(stateFrom(), [commission(1, '500.00')], { partner: partner('integration', [held]) }),
      ).code,
    ).toBe(PAYOUT_CODES.partnerHeld);
    expect(
      issued(
        when(stateFrom(), [commission(1, '500.00')], {
          partner: partner('integration', [held, released]),
        }),
      ),
    ).toHaveLength(1);
  });

  it('skips a removed partner', () => {
    expect(
      refused(
        when(stateFrom(), [commission(1, '500.00')], {
          partner: partner('integration', [removed]),
        }),
      ).code,
    ).toBe(PAYOUT_CODES.partnerRemoved);
  });

  it('pays one payout per currency, each against the minimum in its own major unit', () => {
    const yen = commission('jpy', '7000', { currency: 'JPY' });
    const euros = commission('eur', '12.00', { currency: 'EUR' });
    const decision = when(stateFrom(), [commission(1, '60.00'), yen, euros]);
    expect(issued(decision).map((e) => [e.data.payoutId, e.data.amount])).toEqual([
      ['run-1:p1:JPY', '7000'],
      ['run-1:p1:USD', '60.00'],
    ]);
    expect(decision.kind === 'accepted' && decision.reply.carriedForward).toEqual([
      { partnerId: PARTNER, currency: 'EUR', amount: '12.00', itemIds: [euros.itemId] },
    ]);
    expect(decision.kind === 'accepted' && decision.keys).toEqual([
      'payout:run-1:p1:JPY',
      'payout:run-1:p1:USD',
    ]);
  });

  it('pays only payable items: payableFrom and the fact at or before as of', () => {
    const due = commission(1, '60.00', { payableFrom: '2026-02-01T00:00:00.000Z' });
    const notYet = commission(2, '60.00', { payableFrom: '2026-02-01T00:00:00.001Z' });
    expect(issued(when(stateFrom(), [due, notYet]))[0]!.data.lines.map((l) => l.itemId)).toEqual([
      due.itemId,
    ]);
  });
});

describe('decidePayout: every item settled at most once', () => {
  const a = commission(1, '70.00');
  const b = commission(2, '30.00');

  it('settles nothing twice once issued, and nothing twice within one payout', () => {
    const [first] = issued(when(stateFrom(), [a, a, b]));
    expect(first!.data.amount).toBe('100.00');
    expect(first!.data.lines).toHaveLength(2);
    const again = refused(when(stateFrom([first!]), [a, b], { runId: 'run-2' }));
    expect(again.details).toEqual({ carriedForward: [] });
    expect(
      refused(when(stateFrom([first!, paid(first!.data.payoutId)]), [a, b], { runId: 'run-2' }))
        .code,
    ).toBe(PAYOUT_CODES.nothingToPay);
  });

  it("makes a failed payout's items payable again, in the next run", () => {
    const [first] = issued(when(stateFrom(), [a, b]));
    const afterFailure = stateFrom([first!, failed(first!.data.payoutId, [a.itemId, b.itemId])]);
    const [second] = issued(when(afterFailure, [a, b], { runId: 'run-2' }));
    expect(second!.data).toMatchObject({ payoutId: 'run-2:p1:USD', amount: '100.00' });
    expect(second!.data.lines.map((l) => l.itemId)).toEqual([a.itemId, b.itemId]);
  });

  it('ignores items of another partner', () => {
    const foreign = commission(3, '500.00', { partnerId: 'p2', itemId: 'pay-3:p2' });
    expect(issued(when(stateFrom(), [a, foreign]))[0]!.data.amount).toBe('70.00');
  });

  it('derives event ids from the command id, so a retried run appends the same events', () => {
    const once = issued(when(stateFrom(), [a, b]));
    const twice = issued(when(stateFrom(), [a, b]));
    expect(once[0]!.eventId).toBe(twice[0]!.eventId);
    expect(once[0]!.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('decidePayout: lines and sums', () => {
  it('cites the recording event first, then its evidence, with rule and plan version', () => {
    const [payout] = issued(when(stateFrom(), [commission(1, '75.00')]));
    expect(payout!.data.lines[0]).toEqual({
      kind: 'commission',
      itemKind: 'commission',
      itemId: 'pay-1:p1',
      amount: '75.00',
      accountId: 'acc-1',
      commissionId: 'pay-1:p1',
      paymentId: 'pay-1',
      rule: 'commission.lifetime',
      planVersion: 1,
      sourceEventIds: ['earned:pay-1:p1', 'payment:pay-1', 'attribution:acc-1'],
    });
  });

  it('sums lines to the payout exactly, with no second rounding (BHD has 3 decimals)', () => {
    const items = ['20.005', '20.005', '20.005', '-0.015'].map((amount, i) =>
      commission(i, amount, {
        currency: 'BHD',
        kind: amount.startsWith('-') ? 'reversal' : 'commission',
      }),
    );
    const [payout] = issued(when(stateFrom(), items));
    expect(payout!.data.amount).toBe('60.000');
    const total = payout!.data.lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0));
    expect(total.equals(payout!.data.amount)).toBe(true);
  });
});
