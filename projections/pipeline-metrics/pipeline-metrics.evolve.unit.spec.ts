import { projectedLog } from '../account-timeline/testing/projected-log';
import { rowsAfter } from '../account-timeline/testing/in-memory-rows';
import {
  at,
  attribution,
  churned,
  lost,
  opened,
  payment,
  refund,
  registrationAccepted,
  touchpoint,
  won,
} from '../account-timeline/testing/ledger-events';
import { pipelineMetricsProjection as projection } from './pipeline-metrics.projection';
import { PIPELINE_TABLES as T } from './pipeline-metrics.schema';

describe('pipeline metrics evolve', () => {
  it('keeps payments and refunds as fact rows with their business time', () => {
    const rows = rowsAfter(
      projection,
      projectedLog([
        payment(at(1), { id: 'pay1', accountId: 'a1', amount: '120.50', currency: 'EUR' }),
        refund(at(3), {
          id: 'ref1',
          paymentId: 'pay1',
          accountId: 'a1',
          amount: '20.50',
          currency: 'EUR',
        }),
      ]),
    );

    expect(rows[T.payments]).toEqual([
      {
        payment_id: 'pay1',
        account_id: 'a1',
        amount: '120.50',
        currency: 'EUR',
        occurred_at: at(1),
      },
    ]);
    expect(rows[T.refunds]).toEqual([
      { refund_id: 'ref1', payment_id: 'pay1', amount: '20.50', occurred_at: at(3) },
    ]);
  });

  it('keeps every attribution decision with its commit position, to find the one in force at any instant', () => {
    const rows = rowsAfter(
      projection,
      projectedLog([
        attribution(at(2), { id: 'd1', accountId: 'a1', sourced: 'p1', influenced: ['p2'] }),
      ]),
    );

    expect(rows[T.attributions]).toEqual([
      {
        account_id: 'a1',
        event_id: 'attribution:d1',
        transaction_id: '1',
        global_position: '1',
        occurred_at: at(2),
        sourced_partner_id: 'p1',
        influenced_partner_ids: ['p2'],
      },
    ]);
  });

  it('keeps opportunities and how they closed', () => {
    const rows = rowsAfter(
      projection,
      projectedLog([
        opened(at(1), { id: 'o1', accountId: 'a1', amount: '5000.00' }),
        opened(at(1), { id: 'o2', accountId: 'a1', amount: '700.00' }),
        won(at(10), { id: 'o1', accountId: 'a1' }),
        lost(at(11), { id: 'o2', accountId: 'a1' }),
      ]),
    );

    expect(rows[T.opportunities]).toHaveLength(2);
    expect(rows[T.closes]).toEqual([
      { opportunity_id: 'o1', outcome: 'won', closed_at: at(10) },
      { opportunity_id: 'o2', outcome: 'lost', closed_at: at(11) },
    ]);
  });

  it('remembers the earliest partner involvement of an account, whatever order the facts arrive in', () => {
    const rows = rowsAfter(
      projection,
      projectedLog([
        touchpoint(at(5), { id: 't1', partnerId: 'p1', accountId: 'a1', kind: 'demo' }),
        registrationAccepted(at(3), { id: 'r1', partnerId: 'p2', accountId: 'a1' }),
        touchpoint(at(4), { id: 't2', partnerId: 'p1', accountId: 'a1', kind: 'referral_click' }),
      ]),
    );

    expect(rows[T.involvements]).toEqual([{ account_id: 'a1', first_involved_at: at(3) }]);
  });

  it('ignores facts no metric reads', () => {
    expect(rowsAfter(projection, projectedLog([churned(at(1), 'a1')]))).toEqual({});
  });

  it('leaves the same rows when events are applied twice', () => {
    const log = projectedLog([
      payment(at(1), { id: 'pay1', accountId: 'a1', amount: '10.00' }),
      touchpoint(at(0), { id: 't1', partnerId: 'p1', accountId: 'a1' }),
      attribution(at(1), { id: 'd1', accountId: 'a1', sourced: 'p1' }),
    ]);

    expect(rowsAfter(projection, [...log, ...log])).toEqual(rowsAfter(projection, log));
  });
});
