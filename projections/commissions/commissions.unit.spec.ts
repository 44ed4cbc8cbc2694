import {
  clawedBack,
  earned,
  projected,
  reassigned,
  reversed,
} from '../runner/testing/money-events';
import { evolveCommissions } from './commissions.evolve';
import { commissionsProjection } from './commissions.projection';

describe('commissions projection: evolve', () => {
  it('writes one commission line per CommissionEarned, keyed by the commission id', () => {
    const event = projected(
      earned({
        amount: '123.45',
        basis: '617.25',
        rate: '0.2',
        payableFrom: '2026-04-01T00:00:00.000Z',
      }),
      7,
      '2026-03-11T09:00:00.000Z',
    );
    const [op, ...rest] = evolveCommissions(event);
    expect(rest).toEqual([]);
    expect(op).toMatchObject({
      kind: 'insert',
      table: 'commission_lines',
      key: ['commission_id'],
      row: {
        commission_id: 'pay-1:p1',
        origin: 'earned',
        partner_id: 'p1',
        amount: '123.45',
        basis: '617.25',
        rate: '0.2',
        currency: 'USD',
        payable_from: '2026-04-01T00:00:00.000Z',
        occurred_at: '2026-03-10T10:00:00.000Z',
        recorded_at: '2026-03-11T09:00:00.000Z',
        position: '7',
        event_id: event.eventId,
      },
    });
  });

  it('records a refund reversal and a churn clawback as adjustments with their causes', () => {
    const [reversal] = evolveCommissions(
      projected(reversed({ refundId: 'ref-9', amount: '10.00' }), 8),
    );
    const [clawback] = evolveCommissions(
      projected(clawedBack({ churnId: 'ch-3', daysRetained: 12, amount: '5.00' }), 9),
    );
    expect(reversal?.row).toMatchObject({
      kind: 'reversal',
      cause_kind: 'refund',
      cause_id: 'ref-9',
      amount: '10.00',
      commission_id: 'pay-1:p1',
    });
    expect(clawback?.row).toMatchObject({
      kind: 'clawback',
      cause_kind: 'churn',
      cause_id: 'ch-3',
      days_retained: 12,
      amount: '5.00',
    });
    expect([reversal?.key, clawback?.key]).toEqual([['event_id'], ['event_id']]);
  });

  it('splits a reassignment into the loser losing it and the winner gaining a new line', () => {
    const ops = evolveCommissions(
      projected(reassigned({ fromPartnerId: 'p1', toPartnerId: 'p2', amount: '150.00' }), 10),
    );
    expect(ops.map((op) => [op.table, op.row.partner_id, op.row.amount])).toEqual([
      ['commission_adjustments', 'p1', '150.00'],
      ['commission_lines', 'p2', '150.00'],
    ]);
    expect(ops[1]?.row).toMatchObject({
      commission_id: 'pay-1:p1:dispute:d-1',
      origin: 'reassigned',
      source_commission_id: 'pay-1:p1',
      dispute_id: 'd-1',
    });
    expect(ops[0]?.row).toMatchObject({
      kind: 'reassignment',
      cause_kind: 'dispute',
      cause_id: 'd-1',
      to_partner_id: 'p2',
    });
  });

  it('is deterministic: the same event gives the same operations, so a replay finds its rows already there', () => {
    const event = projected(earned(), 3);
    expect(evolveCommissions(event)).toEqual(evolveCommissions(event));
    expect(evolveCommissions(event).every((op) => op.kind === 'insert')).toBe(true);
  });

  it('ignores events it does not list, and lists every event it handles', () => {
    const other = { ...projected(earned(), 1), type: 'PaymentRecorded' };
    expect(evolveCommissions(other)).toEqual([]);
    for (const story of [earned(), reversed(), clawedBack(), reassigned()]) {
      expect(commissionsProjection.eventTypes).toContain(story.event.type);
    }
  });

  it('declares every table its operations write', () => {
    const tables = [earned(), reversed(), clawedBack(), reassigned()].flatMap((s) =>
      evolveCommissions(projected(s, 1)).map((op) => op.table),
    );
    expect(new Set(tables)).toEqual(new Set(commissionsProjection.tables));
  });
});
