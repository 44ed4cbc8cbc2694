import { projected, projectedLog } from '../account-timeline/testing/projected-log';
import { rowsAfter } from '../account-timeline/testing/in-memory-rows';
import {
  at,
  attribution,
  enrolled,
  signup,
  touchpoint,
} from '../account-timeline/testing/ledger-events';
import { accountAttributionProjection as projection } from './account-attribution.projection';
import { ATTRIBUTION_ACCOUNTS, ATTRIBUTION_DECISIONS } from './account-attribution.schema';

describe('account attribution evolve', () => {
  it('records every attribution decision with its partners, rule, evidence and place in the log', () => {
    const log = projectedLog([
      touchpoint(at(1), { id: 't1', partnerId: 'p1', accountId: 'a1' }),
      {
        event: attribution(at(1), {
          id: 'd1',
          accountId: 'a1',
          sourced: 'p1',
          influenced: ['p2'],
          rule: 'attribution.new_account',
          evidence: ['touch:t1'],
        }),
        recordedAt: at(3),
      },
    ]);

    expect(rowsAfter(projection, log)[ATTRIBUTION_DECISIONS]).toEqual([
      {
        account_id: 'a1',
        event_id: 'attribution:d1',
        transaction_id: '2',
        global_position: '2',
        occurred_at: at(1),
        recorded_at: at(3),
        sourced_partner_id: 'p1',
        influenced_partner_ids: ['p2'],
        rule: 'attribution.new_account',
        evidence: ['touch:t1'],
        credits_json: '[]',
      },
    ]);
  });

  it('knows an account from its first event, keeping the earliest business and ledger time', () => {
    const log = projectedLog([
      { event: signup(at(10), 'a1'), recordedAt: at(10) },
      // Back-dated: arrives later but happened first.
      {
        event: touchpoint(at(2), { id: 't1', partnerId: 'p1', accountId: 'a1' }),
        recordedAt: at(11),
      },
    ]);

    const rows = rowsAfter(projection, log);

    expect(rows[ATTRIBUTION_ACCOUNTS]).toEqual([
      { account_id: 'a1', first_occurred_at: at(2), first_recorded_at: at(10) },
    ]);
    expect(rows[ATTRIBUTION_DECISIONS]).toBeUndefined();
  });

  it('records no credit partner as null sourced and an empty influenced list', () => {
    const op = projection.evolve(
      projected(attribution(at(1), { id: 'd0', accountId: 'a1', rule: 'attribution.no_credit' })),
    )[1]!;

    expect(op.row).toMatchObject({
      sourced_partner_id: null,
      influenced_partner_ids: [],
      evidence: [],
    });
  });

  it('ignores events of other streams', () => {
    expect(projection.evolve(projected(enrolled('p1', at(0))))).toEqual([]);
  });

  it('leaves the same rows when events are applied twice', () => {
    const log = projectedLog([
      touchpoint(at(1), { id: 't1', partnerId: 'p1', accountId: 'a1' }),
      attribution(at(1), { id: 'd1', accountId: 'a1', sourced: 'p1' }),
    ]);

    expect(rowsAfter(projection, [...log, ...log])).toEqual(rowsAfter(projection, log));
  });
});
