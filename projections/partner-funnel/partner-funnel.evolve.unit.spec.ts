import { projectedLog } from '../account-timeline/testing/projected-log';
import { rowsAfter } from '../account-timeline/testing/in-memory-rows';
import {
  at,
  attribution,
  enrolled,
  onboarded,
  registrationAccepted,
  signup,
  touchpoint,
} from '../account-timeline/testing/ledger-events';
import { partnerFunnelProjection as projection } from './partner-funnel.projection';
import { FUNNEL_TABLES as T } from './partner-funnel.schema';

describe('partner funnel evolve', () => {
  it('keeps enrolment and onboarding times of each partner', () => {
    const rows = rowsAfter(
      projection,
      projectedLog([enrolled('p1', at(0)), onboarded('p1', at(4))]),
    );

    expect(rows[T.partners]).toEqual([{ partner_id: 'p1', enrolled_at: at(0) }]);
    expect(rows[T.onboardings]).toEqual([{ partner_id: 'p1', onboarded_at: at(4) }]);
  });

  it('counts introductions and accepted registrations as leads, but not contributions', () => {
    const rows = rowsAfter(
      projection,
      projectedLog([
        touchpoint(at(1), { id: 't1', partnerId: 'p1', accountId: 'a1', kind: 'referral_click' }),
        touchpoint(at(2), { id: 't2', partnerId: 'p1', accountId: 'a2', kind: 'demo' }),
        registrationAccepted(at(3), { id: 'r1', partnerId: 'p2', accountId: 'a3' }),
      ]),
    );

    expect(rows[T.introductions]).toEqual([
      {
        event_id: 'accepted:r1',
        partner_id: 'p2',
        account_id: 'a3',
        kind: 'deal_registration',
        introduced_at: at(3),
      },
      {
        event_id: 'touch:t1',
        partner_id: 'p1',
        account_id: 'a1',
        kind: 'referral_click',
        introduced_at: at(1),
      },
    ]);
  });

  it('keeps the first signup of an account and the first time a partner was decided its sourced partner', () => {
    const rows = rowsAfter(
      projection,
      projectedLog([
        signup(at(9), 'a1'),
        signup(at(7), 'a1'),
        attribution(at(8), { id: 'd1', accountId: 'a1', sourced: 'p1' }),
        attribution(at(6), { id: 'd2', accountId: 'a1', sourced: 'p1' }),
        attribution(at(5), { id: 'd3', accountId: 'a1', sourced: null, influenced: ['p2'] }),
      ]),
    );

    expect(rows[T.signups]).toEqual([{ account_id: 'a1', signed_up_at: at(7) }]);
    expect(rows[T.sourcings]).toEqual([
      { partner_id: 'p1', account_id: 'a1', first_sourced_at: at(6) },
    ]);
  });

  it('leaves the same rows when events are applied twice', () => {
    const log = projectedLog([
      enrolled('p1', at(0)),
      touchpoint(at(1), { id: 't1', partnerId: 'p1', accountId: 'a1' }),
      signup(at(2), 'a1'),
      attribution(at(2), { id: 'd1', accountId: 'a1', sourced: 'p1' }),
    ]);

    expect(rowsAfter(projection, [...log, ...log])).toEqual(rowsAfter(projection, log));
  });
});
