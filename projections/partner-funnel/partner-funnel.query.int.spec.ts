import type { LedgerEvent } from '@ledger/domain/messages/events';
import { projectedLog } from '../account-timeline/testing/projected-log';
import { readModelDatabases, type ReadModelDb } from '../account-timeline/testing/read-model-db';
import {
  at,
  attribution,
  enrolled,
  onboarded,
  registrationAccepted,
  signup,
  touchpoint,
} from '../account-timeline/testing/ledger-events';
import { partnerFunnelProjection } from './partner-funnel.projection';
import { readPartnerFunnel } from './partner-funnel.query';

/** Five partners; the stages and day counts each reaches are worked out in the comments. */
function history(): LedgerEvent[] {
  return [
    // p1: onboarded; 3 referrals in 2026-Q1 (b1 decided sourced on day 4, before its signup on day 5;
    // b2, b3 by signup) → performing; first referral 4 days after enrolment.
    enrolled('p1', at(0)),
    onboarded('p1', at(2)),
    touchpoint(at(1), { id: 't1', partnerId: 'p1', accountId: 'b1' }),
    touchpoint(at(2), { id: 't2', partnerId: 'p1', accountId: 'b2' }),
    touchpoint(at(3), { id: 't3', partnerId: 'p1', accountId: 'b3' }),
    attribution(at(4), { id: 'b1', accountId: 'b1', sourced: 'p1' }),
    signup(at(5), 'b1'),
    signup(at(6), 'b2'),
    signup(at(7), 'b3'),
    // p2: onboarded; a referral click whose signup came 99 days later: a lead, but no referral.
    enrolled('p2', at(0)),
    onboarded('p2', at(5)),
    touchpoint(at(1), { id: 't4', partnerId: 'p2', accountId: 'b4', kind: 'referral_click' }),
    signup(at(100), 'b4'),
    // p3: not onboarded; sourced 2 accounts in Q1 and 2 in Q2 → never 3 in one quarter; first
    // referral 2 days 8 hours after enrolment → 2 whole days.
    enrolled('p3', at(10)),
    touchpoint(at(12), { id: 't5', partnerId: 'p3', accountId: 'b5', kind: 'co_sell_intro' }),
    attribution(at(12, 8), { id: 'b5', accountId: 'b5', sourced: 'p3' }),
    touchpoint(at(19), { id: 't8', partnerId: 'p3', accountId: 'b6' }),
    attribution(at(20), { id: 'b6', accountId: 'b6', sourced: 'p3' }),
    touchpoint(at(94), { id: 't9', partnerId: 'p3', accountId: 'b7' }),
    attribution(at(95), { id: 'b7', accountId: 'b7', sourced: 'p3' }),
    touchpoint(at(95), { id: 't10', partnerId: 'p3', accountId: 'b8' }),
    attribution(at(96), { id: 'b8', accountId: 'b8', sourced: 'p3' }),
    // p3 made sourced of b11 by a dispute, without an introduction of its own: not a referral, so
    // 2026-Q2 still holds only 2 of p3's referrals.
    attribution(at(97), {
      id: 'b11',
      accountId: 'b11',
      sourced: 'p3',
      rule: 'attribution.dispute_resolution',
    }),
    // p4: onboarded; a registration on an account that had already signed up (no referral), then a
    // coupon followed by a signup on day 33 → first referral 13 days after enrolment.
    enrolled('p4', at(20)),
    onboarded('p4', at(21)),
    signup(at(21), 'b9'),
    registrationAccepted(at(22), { id: 'r1', partnerId: 'p4', accountId: 'b9' }),
    touchpoint(at(25), { id: 't6', partnerId: 'p4', accountId: 'b10' }),
    signup(at(33), 'b10'),
    // p5: only a contribution (a demo): not activated.
    enrolled('p5', at(30)),
    touchpoint(at(31), { id: 't7', partnerId: 'p5', accountId: 'b1', kind: 'demo' }),
  ];
}

describe.each(readModelDatabases())('partner funnel on $name', (database) => {
  let rm: ReadModelDb;

  beforeAll(async () => {
    rm = await database.open();
    await rm.project([partnerFunnelProjection], projectedLog(history()));
  });

  afterAll(async () => {
    await rm.destroy();
    await database.shutdown();
  });

  it('counts each stage of the funnel from every fact', async () => {
    expect(await readPartnerFunnel(rm.db, rm.schema)).toEqual({
      asOf: null,
      recruited: 5,
      onboarded: 3,
      activated: 4,
      performing: 1,
      activationRate: 0.8,
      medianDaysToFirstReferral: 4, // of 2, 4, 13
    });
  });

  it('counts only facts dated at or before asOf, and takes the mean of the two middle values for an even count', async () => {
    expect(await readPartnerFunnel(rm.db, rm.schema, { asOf: at(30) })).toEqual({
      asOf: at(30),
      recruited: 5,
      onboarded: 3,
      activated: 4,
      performing: 1,
      activationRate: 0.8,
      medianDaysToFirstReferral: 3, // p4's referral of day 33 is not known yet: (2 + 4) / 2
    });
  });

  it('answers an empty programme with zero counts and no rates', async () => {
    expect(await readPartnerFunnel(rm.db, rm.schema, { asOf: at(-1) })).toEqual({
      asOf: at(-1),
      recruited: 0,
      onboarded: 0,
      activated: 0,
      performing: 0,
      activationRate: null,
      medianDaysToFirstReferral: null,
    });
  });
});
