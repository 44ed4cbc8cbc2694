import type { CommissionEarned, LedgerEvent } from '@ledger/domain';
import {
  partnerEnrolled,
  paymentRecordedAt,
  planPublished,
  touchpointAt,
} from '@ledger/domain/testing/partner-builders';
import { SimulatedLedger, SimulationDivergenceError } from './simulated-ledger';
import { referralRaisedTo } from './testing/programme-history';

const WINDOW = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

function given(ledger: SimulatedLedger, streamId: string, ...events: LedgerEvent[]) {
  return ledger.replay({ streamId, commandId: `spec:${events[0]!.eventId}`, events });
}

function earnedOf(events: LedgerEvent[]): CommissionEarned['data'][] {
  return events
    .filter((e): e is CommissionEarned => e.type === 'CommissionEarned')
    .map((e) => e.data);
}

describe('SimulatedLedger: one recorded command at a time, re-decided under the simulated plan', () => {
  let ledger: SimulatedLedger;

  beforeEach(() => {
    ledger = new SimulatedLedger(referralRaisedTo('0.15'), WINDOW);
    given(ledger, 'partner-p1', partnerEnrolled({ partnerId: 'p1', tier: 'referral' }));
    given(
      ledger,
      'plans',
      planPublished({
        version: 2,
        effectiveFrom: '2026-02-01T00:00:00.000Z',
        rates: referralRaisedTo('0.12').rates,
      }),
    );
    // A coupon introduces the account: p1 is its sourced partner.
    const touch = touchpointAt('acc-1', '2026-01-10T00:00:00.000Z');
    given(ledger, 'account-acc-1', { ...touch, data: { ...touch.data, kind: 'coupon' } });
  });

  it('decides payments inside the window under the given plan, and others under the plans actually published', () => {
    const before = given(
      ledger,
      'account-acc-1',
      paymentRecordedAt('acc-1', '2026-02-10T00:00:00.000Z'),
    );
    const inside = given(
      ledger,
      'account-acc-1',
      paymentRecordedAt('acc-1', '2026-03-10T00:00:00.000Z'),
    );
    const after = given(
      ledger,
      'account-acc-1',
      paymentRecordedAt('acc-1', '2026-04-01T00:00:00.000Z'),
    );
    expect(earnedOf(before.simulated).map((d) => [d.planId, d.planVersion, d.amount])).toEqual([
      ['default', 2, '12.00'],
    ]);
    expect(earnedOf(inside.simulated).map((d) => [d.planId, d.planVersion, d.amount])).toEqual([
      ['what-if', 2, '15.00'],
    ]);
    expect(earnedOf(after.simulated).map((d) => [d.planId, d.planVersion, d.amount])).toEqual([
      ['default', 2, '12.00'],
    ]);
    // The recorded events are handed back untouched, for the "actual" column.
    expect(inside.actual).toEqual([paymentRecordedAt('acc-1', '2026-03-10T00:00:00.000Z')]);
    expect(ledger.paymentTime('acc-1', 'pay-acc-1-2026-03-10T00:00:00.000Z')).toBe(
      '2026-03-10T00:00:00.000Z',
    );
  });

  it('stops when the log records a fact the domain refuses, rather than guess', () => {
    const refund: LedgerEvent = {
      type: 'PaymentRefunded',
      eventId: 'refund-1',
      occurredAt: '2026-03-12T00:00:00.000Z',
      data: {
        refundId: 'r1',
        paymentId: 'never-paid',
        accountId: 'acc-1',
        amount: '1.00',
        currency: 'USD',
      },
    };
    expect(() => given(ledger, 'account-acc-1', refund)).toThrow(SimulationDivergenceError);
    expect(() => given(ledger, 'account-acc-1', refund)).toThrow(/payment\.not_found/);
  });

  it('stops when money moves in a command that recorded no fact', () => {
    const stray = {
      type: 'CommissionEarned',
      eventId: 'stray',
      occurredAt: WINDOW.from,
      data: {
        partnerId: 'p1',
        amount: '1.00',
        currency: 'USD',
        paymentId: 'x',
        accountId: 'acc-1',
      },
    } as unknown as LedgerEvent;
    expect(() => given(ledger, 'account-acc-1', stray)).toThrow(
      'moved money without recording a fact',
    );
  });
});
