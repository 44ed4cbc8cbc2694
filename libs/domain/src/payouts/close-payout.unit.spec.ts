import type { ClosePayout } from '../messages/payout-commands';
import type { PayoutIssued } from '../messages/payout-events';
import { metadata } from '../testing/partner-builders';
import { decideClosePayout } from './close-payout.decide';
import { PAYOUT_CODES } from './payout.rules';
import { evolvePayouts } from './payout.evolve';
import { isSettled } from './payout.state';
import { PARTNER, commission, issued, stateFrom, when } from './testing/payout-builders';

const a = commission(1, '70.00');
const b = commission(2, '30.00');
const [payout] = issued(when(stateFrom(), [a, b])) as [PayoutIssued];
const PAYOUT = payout.data.payoutId;

function close(type: ClosePayout['type'], over: Partial<ClosePayout['data']> = {}): ClosePayout {
  const data = {
    payoutId: PAYOUT,
    partnerId: PARTNER,
    occurredAt: '2026-02-03T10:00:00.000Z',
    ...over,
  };
  return { type, data, metadata: metadata(`${type}:${data.payoutId}`) } as ClosePayout;
}

describe('closing a payout', () => {
  it('marks an issued payout paid; its items stay settled', () => {
    const decision = decideClosePayout(
      close('MarkPayoutPaid', { reference: 'wire-77' }),
      stateFrom([payout]),
    );
    if (decision.kind !== 'accepted') throw new Error(decision.code);
    expect(decision.events).toEqual([
      expect.objectContaining({
        type: 'PayoutMarkedPaid',
        occurredAt: '2026-02-03T10:00:00.000Z',
        data: {
          payoutId: PAYOUT,
          runId: 'run-1',
          partnerId: PARTNER,
          currency: 'USD',
          amount: '100.00',
          reference: 'wire-77',
        },
      }),
    ]);
    const after = decision.events.reduce(evolvePayouts, stateFrom([payout]));
    expect(after.payouts[PAYOUT]!.status).toBe('paid');
    expect(isSettled(after, a.itemId)).toBe(true);
  });

  it('fails an issued payout and releases every item it settled', () => {
    const decision = decideClosePayout(close('MarkPayoutFailed'), stateFrom([payout]));
    if (decision.kind !== 'accepted') throw new Error(decision.code);
    expect(decision.events[0]!.data).toMatchObject({ releasedItemIds: [a.itemId, b.itemId] });
    const after = decision.events.reduce(evolvePayouts, stateFrom([payout]));
    expect(after.payouts[PAYOUT]!.status).toBe('failed');
    expect([isSettled(after, a.itemId), isSettled(after, b.itemId)]).toEqual([false, false]);
  });

  it('refuses an unknown payout as not found', () => {
    const decision = decideClosePayout(
      close('MarkPayoutPaid', { payoutId: 'run-9:p1:USD' }),
      stateFrom([payout]),
    );
    expect(decision).toMatchObject({ kind: 'refused', code: PAYOUT_CODES.payoutNotFound });
  });

  it.each([
    ['MarkPayoutPaid', 'MarkPayoutFailed'],
    ['MarkPayoutFailed', 'MarkPayoutPaid'],
    ['MarkPayoutPaid', 'MarkPayoutPaid'],
  ] as const)('refuses %s after %s: a payout closes once', (second, first) => {
    const closed = decideClosePayout(close(first), stateFrom([payout]));
    if (closed.kind !== 'accepted') throw new Error(closed.code);
    const state = closed.events.reduce(evolvePayouts, stateFrom([payout]));
    expect(
      decideClosePayout(close(second, { occurredAt: '2026-02-05T00:00:00.000Z' }), state),
    ).toMatchObject({
      kind: 'refused',
      code: PAYOUT_CODES.alreadyClosed,
    });
  });

  it('refuses a close dated before the run as of', () => {
    const decision = decideClosePayout(
      close('MarkPayoutPaid', { occurredAt: '2026-01-31T23:59:59.999Z' }),
      stateFrom([payout]),
    );
    expect(decision).toMatchObject({
      kind: 'refused',
      code: PAYOUT_CODES.closedBeforeIssue,
      field: 'occurredAt',
    });
  });
});
