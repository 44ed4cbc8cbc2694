import { partnerEvent, projected } from '../runner/testing/money-events';
import { evolvePartnerHolds } from './partner-holds.projection';

describe('partner holds projection: evolve', () => {
  it.each([
    ['CommissionsHeld', 'held'],
    ['CommissionsReleased', 'released'],
    ['PartnerRemoved', 'removed'],
  ] as const)('records %s as a %s row with both of its times', (type, kind) => {
    const [op, ...rest] = evolvePartnerHolds(
      projected(
        partnerEvent(type, 'p7', '2026-05-01T00:00:00.000Z'),
        11,
        '2026-05-02T00:00:00.000Z',
      ),
    );
    expect(rest).toEqual([]);
    expect(op).toMatchObject({
      kind: 'insert',
      table: 'partner_hold_events',
      key: ['event_id'],
      row: {
        partner_id: 'p7',
        kind,
        occurred_at: '2026-05-01T00:00:00.000Z',
        recorded_at: '2026-05-02T00:00:00.000Z',
        position: '11',
      },
    });
  });

  it('ignores other partner events', () => {
    const event = {
      ...projected(partnerEvent('CommissionsHeld', 'p7', '2026-05-01T00:00:00.000Z'), 1),
      type: 'PartnerWarned',
    };
    expect(evolvePartnerHolds(event)).toEqual([]);
  });
});
