import { projectedLog } from '../account-timeline/testing/projected-log';
import { readModelDatabases, type ReadModelDb } from '../account-timeline/testing/read-model-db';
import { at, attribution, signup, touchpoint } from '../account-timeline/testing/ledger-events';
import { accountAttributionProjection } from './account-attribution.projection';
import { readAttribution } from './account-attribution.query';

describe.each(readModelDatabases())('account attribution on $name', (database) => {
  let rm: ReadModelDb;

  beforeAll(async () => {
    rm = await database.open();
    await rm.project(
      [accountAttributionProjection],
      projectedLog([
        touchpoint(at(1), { id: 't1', partnerId: 'p1', accountId: 'a1' }),
        {
          event: attribution(at(1), {
            id: 'd1',
            accountId: 'a1',
            sourced: 'p1',
            rule: 'attribution.new_account',
            evidence: ['touch:t1'],
          }),
          recordedAt: at(1),
        },
        // A back-dated introduction by p2, recorded on day 20, makes p2 the first touch as of day 0.
        {
          event: touchpoint(at(0), { id: 't2', partnerId: 'p2', accountId: 'a1' }),
          recordedAt: at(20),
        },
        {
          event: attribution(at(0), {
            id: 'd2',
            accountId: 'a1',
            sourced: 'p2',
            influenced: ['p3'],
            rule: 'attribution.first_touch',
            evidence: ['touch:t2'],
          }),
          recordedAt: at(20),
        },
        signup(at(2), 'a2'),
      ]),
    );
  });

  afterAll(async () => {
    await rm.destroy();
    await database.shutdown();
  });

  it('answers the latest decision the ledger recorded', async () => {
    expect(await readAttribution(rm.db, rm.schema, { accountId: 'a1' })).toEqual({
      accountId: 'a1',
      sourcedPartnerId: 'p2',
      influencedPartnerIds: ['p3'],
      rule: 'attribution.first_touch',
      evidence: ['touch:t2'],
      credits: [],
      decision: { eventId: 'attribution:d2', occurredAt: at(0), recordedAt: at(20) },
    });
  });

  it('answers what the ledger believed at a past ledger time (knownAt)', async () => {
    const then = await readAttribution(rm.db, rm.schema, { accountId: 'a1', knownAt: at(10) });

    expect(then).toMatchObject({
      sourcedPartnerId: 'p1',
      rule: 'attribution.new_account',
      evidence: ['touch:t1'],
    });
  });

  it('answers the attribution in force at a business time (asOf), and no credit before any decision', async () => {
    expect(await readAttribution(rm.db, rm.schema, { accountId: 'a1', asOf: at(5) })).toMatchObject(
      { sourcedPartnerId: 'p2' },
    );
    expect(
      await readAttribution(rm.db, rm.schema, { accountId: 'a1', asOf: at(5), knownAt: at(10) }),
    ).toMatchObject({ sourcedPartnerId: 'p1' });
    expect(
      await readAttribution(rm.db, rm.schema, { accountId: 'a1', asOf: at(0), knownAt: at(10) }),
    ).toMatchObject({
      sourcedPartnerId: null,
      rule: 'attribution.no_credit',
      decision: null,
    });
  });

  it('answers no credit for a known account without a decision, and null for an unknown one', async () => {
    expect(await readAttribution(rm.db, rm.schema, { accountId: 'a2' })).toMatchObject({
      sourcedPartnerId: null,
      influencedPartnerIds: [],
      rule: 'attribution.no_credit',
      evidence: [],
    });
    expect(await readAttribution(rm.db, rm.schema, { accountId: 'unknown' })).toBeNull();
  });
});
