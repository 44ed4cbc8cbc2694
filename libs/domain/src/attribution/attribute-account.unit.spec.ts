import {
  accountCreated,
  accountFrom,
  day,
  opportunityOpened,
  paymentRecorded,
  registrationAccepted,
  touched,
} from '../testing/account-builders';
import { attributeAccount } from './attribute-account';

/** The read side asks "who sourced this account?" with the same function the aggregate decides with. */
describe('attributeAccount: a pure function of the account and an instant', () => {
  const state = accountFrom([
    accountCreated(day(0)),
    touched({ touchpointId: 't1', partnerId: 'p1', kind: 'coupon', at: day(10) }),
    opportunityOpened({ at: day(15) }),
    touched({ touchpointId: 't2', partnerId: 'p2', kind: 'co_sell_intro', at: day(20) }),
  ]);

  it('uses only the facts up to the instant asked about', () => {
    expect(attributeAccount(state, day(9))).toMatchObject({
      sourced: null,
      influenced: [],
      rule: 'attribution.no_credit',
      evidence: [],
    });
    expect(attributeAccount(state, day(10))).toMatchObject({
      sourced: 'p1',
      sourcedAs: 'attribution.dormant_lead',
      influenced: [],
    });
    expect(attributeAccount(state, day(20))).toEqual({
      sourced: 'p1',
      sourcedAs: 'attribution.dormant_lead',
      influenced: ['p2'],
      rule: 'attribution.first_touch',
      evidence: ['touch:t1', 'crm:acc-1', 'touch:t2', 'opened:o1'],
      credits: [
        {
          partnerId: 'p1',
          credit: 'sourced',
          rule: 'attribution.first_touch',
          evidence: ['touch:t1', 'crm:acc-1'],
        },
        {
          partnerId: 'p2',
          credit: 'influenced',
          rule: 'attribution.open_opportunity',
          evidence: ['touch:t2', 'crm:acc-1', 'opened:o1'],
        },
      ],
    });
  });

  it('gives priority to an active registration only while it is active', () => {
    const registered = accountFrom([
      touched({ touchpointId: 't1', partnerId: 'p1', kind: 'coupon', at: day(0) }),
      ...registrationAccepted({ registrationId: 'r1', partnerId: 'p2', submittedAt: day(5) }),
    ]);
    expect(attributeAccount(registered, day(124, 23))).toMatchObject({
      sourced: 'p2',
      rule: 'attribution.registered_deal',
    });
    expect(attributeAccount(registered, day(125))).toMatchObject({
      sourced: 'p1',
      rule: 'attribution.first_touch',
    });
  });

  it('keeps the sourced partner judged at the first payment, from the facts that had arrived by then', () => {
    const locked = accountFrom([
      touched({ touchpointId: 't1', partnerId: 'p1', kind: 'coupon', at: day(5) }),
      paymentRecorded({ at: day(6) }),
      // Recorded after the first payment, though it happened earlier.
      touched({ touchpointId: 't2', partnerId: 'p2', kind: 'coupon', at: day(1) }),
    ]);
    expect(attributeAccount(locked, day(30))).toMatchObject({ sourced: 'p1', influenced: [] });
  });
});
