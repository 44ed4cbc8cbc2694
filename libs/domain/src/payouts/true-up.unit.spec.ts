import { isQuarterStart, quarterEndingAt } from './payout.rules';
import { commission, issued, partner, stateFrom, when } from './testing/payout-builders';

const APRIL_1 = '2026-04-01T00:00:00.000Z';

/**
 * A solution partner's back-dated facts of a closed quarter are settled by the quarter-start run as
 * `true_up` lines, even when their commission's payable date has not come (docs/decisions.md, "Payouts").
 */
describe('the quarter-end true-up', () => {
  const onTime = commission('feb', '100.00', {
    occurredAt: '2026-02-10T00:00:00.000Z',
    recordedAt: '2026-02-10T00:00:00.000Z',
    payableFrom: '2026-03-01T00:00:00.000Z',
  });
  // Recorded after the quarter closed; payable only later (net-30: it was earned while the partner was referral tier).
  const late = commission('mar', '40.00', {
    occurredAt: '2026-03-20T00:00:00.000Z',
    recordedAt: '2026-04-01T00:00:00.000Z',
    payableFrom: '2026-04-19T00:00:00.000Z',
  });

  it('settles a solution partner’s late-recorded items of the closed quarter as true-up lines, whatever their payable date', () => {
    const [payout] = issued(
      when(stateFrom(), [onTime, late], { asOf: APRIL_1, partner: partner('solution') }),
    );
    expect(payout!.data.amount).toBe('140.00');
    expect(payout!.data.lines.map((l) => [l.itemId, l.kind, l.itemKind])).toEqual([
      [onTime.itemId, 'commission', 'commission'],
      [late.itemId, 'true_up', 'commission'],
    ]);
  });

  it('settles late-recorded refunds of the quarter with them', () => {
    const lateRefund = commission('mar', '-15.00', {
      itemId: 'reversal:mar',
      kind: 'reversal',
      occurredAt: '2026-03-30T00:00:00.000Z',
      recordedAt: '2026-04-02T09:00:00.000Z',
      payableFrom: '2026-04-19T00:00:00.000Z',
    });
    const [payout] = issued(
      when(stateFrom(), [onTime, late, lateRefund], {
        asOf: APRIL_1,
        partner: partner('solution'),
      }),
    );
    expect(payout!.data.amount).toBe('125.00');
    expect(payout!.data.lines.find((l) => l.itemId === 'reversal:mar')).toMatchObject({
      kind: 'true_up',
      itemKind: 'reversal',
    });
  });

  it('does not apply to other tiers: their late item waits for its payable date', () => {
    const [payout] = issued(
      when(stateFrom(), [onTime, late], { asOf: APRIL_1, partner: partner('integration') }),
    );
    expect(payout!.data.lines.map((l) => l.itemId)).toEqual([onTime.itemId]);
  });

  it('does not apply to a run that is not at the first instant of a quarter', () => {
    const [payout] = issued(
      when(stateFrom(), [onTime, late], {
        asOf: '2026-04-01T00:00:00.001Z',
        partner: partner('solution'),
      }),
    );
    expect(payout!.data.lines.map((l) => l.itemId)).toEqual([onTime.itemId]);
  });

  it('leaves items recorded before the quarter closed, and items of earlier quarters, to the ordinary rules', () => {
    const recordedInTime = { ...late, itemId: 'in-time', recordedAt: '2026-03-31T23:59:59.999Z' };
    const earlierQuarter = { ...late, itemId: 'q4', occurredAt: '2025-12-20T00:00:00.000Z' };
    const [payout] = issued(
      when(stateFrom(), [onTime, recordedInTime, earlierQuarter], {
        asOf: APRIL_1,
        partner: partner('solution'),
      }),
    );
    expect(payout!.data.lines.map((l) => l.itemId)).toEqual([onTime.itemId]);
  });

  it('shows an item an earlier run carried as carried, even when it is also a true-up', () => {
    const [payout] = issued(
      when(stateFrom(), [onTime, late], {
        asOf: APRIL_1,
        partner: partner('solution'),
        carried: new Map([[late.itemId, 'run-m3']]),
      }),
    );
    expect(payout!.data.lines[1]).toMatchObject({
      kind: 'carried',
      itemKind: 'commission',
      carriedFromRunId: 'run-m3',
    });
  });
});

describe('quarters', () => {
  it.each([
    ['2026-01-01T00:00:00.000Z', true],
    ['2026-04-01T00:00:00.000Z', true],
    ['2026-07-01T00:00:00.000Z', true],
    ['2026-10-01T00:00:00.000Z', true],
    ['2026-02-01T00:00:00.000Z', false],
    ['2026-04-02T00:00:00.000Z', false],
    ['2026-03-31T23:59:59.999Z', false],
  ])('%s is a quarter start: %s', (instant, expected) =>
    expect(isQuarterStart(instant)).toBe(expected),
  );

  it('names the quarter that closes at a quarter start, across a year end', () => {
    expect(quarterEndingAt('2026-01-01T00:00:00.000Z')).toEqual({
      start: '2025-10-01T00:00:00.000Z',
      end: '2026-01-01T00:00:00.000Z',
    });
    expect(quarterEndingAt(APRIL_1)).toEqual({ start: '2026-01-01T00:00:00.000Z', end: APRIL_1 });
  });
});
