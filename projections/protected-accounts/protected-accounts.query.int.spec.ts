import { projectedLog } from '../account-timeline/testing/projected-log';
import { readModelDatabases, type ReadModelDb } from '../account-timeline/testing/read-model-db';
import { at, enrolled, listed, revoked } from '../account-timeline/testing/ledger-events';
import { protectedAccountsProjection } from './protected-accounts.projection';
import { readProtectedAccounts } from './protected-accounts.query';

const Q1_END = '2026-04-01T00:00:00.000Z';

describe.each(readModelDatabases())('protected accounts on $name', (database) => {
  let rm: ReadModelDb;

  beforeAll(async () => {
    rm = await database.open();
    await rm.project(
      [protectedAccountsProjection],
      projectedLog([
        enrolled('p1', at(0), 'solution'),
        enrolled('p2', at(0), 'solution'),
        listed(at(1), {
          partnerId: 'p1',
          submissionId: 's1',
          quarter: '2026-Q1',
          accountIds: ['a1', 'a2', 'a3'],
        }),
        {
          event: revoked(Q1_END, {
            partnerId: 'p1',
            accountId: 'a2',
            quarter: '2026-Q1',
            reviewId: 'r1',
            listEventId: 'listed:s1',
          }),
          recordedAt: at(95),
        },
        // Unrelated enrolments, so the next list sits at a two-digit position and the first at one digit.
        ...['p3', 'p4', 'p5', 'p6', 'p7', 'p8'].map((partnerId) => enrolled(partnerId, at(96))),
        // The Q2 list replaces the Q1 list whole: a2 is listed again and protected afresh; a1 is dropped.
        {
          event: listed(at(100), {
            partnerId: 'p1',
            submissionId: 's2',
            quarter: '2026-Q2',
            accountIds: ['a3', 'a2'],
          }),
          recordedAt: at(100),
        },
      ]),
    );
  });

  afterAll(async () => {
    await rm.destroy();
    await database.shutdown();
  });

  it("answers the partner's current list in list order, each account with its protection state", async () => {
    expect(await readProtectedAccounts(rm.db, rm.schema, { partnerId: 'p1' })).toEqual({
      partnerId: 'p1',
      quarter: '2026-Q2',
      submissionId: 's2',
      submittedAt: at(100),
      accounts: [
        { accountId: 'a3', state: 'protected', listedAt: at(100), revocation: null },
        { accountId: 'a2', state: 'protected', listedAt: at(100), revocation: null },
      ],
    });
  });

  it('shows an account revoked at the quarterly review with the review, quarter and rule', async () => {
    const q1 = await readProtectedAccounts(rm.db, rm.schema, { partnerId: 'p1', asOf: at(99) });

    expect(q1!.quarter).toBe('2026-Q1');
    expect(q1!.accounts.map((a) => [a.accountId, a.state])).toEqual([
      ['a1', 'protected'],
      ['a2', 'revoked'],
      ['a3', 'protected'],
    ]);
    expect(q1!.accounts[1]!.revocation).toEqual({
      revokedAt: Q1_END,
      quarter: '2026-Q1',
      reviewId: 'r1',
      rule: 'protection.no_pipeline_movement',
      eventId: 'revoked:r1:a2',
    });
  });

  it('answers what the ledger knew before the review was recorded (knownAt)', async () => {
    const before = await readProtectedAccounts(rm.db, rm.schema, {
      partnerId: 'p1',
      knownAt: at(94),
    });

    expect(before!.accounts.map((a) => a.state)).toEqual(['protected', 'protected', 'protected']);
  });

  it('answers an empty list for a partner without one, and null for a partner not enrolled', async () => {
    expect(await readProtectedAccounts(rm.db, rm.schema, { partnerId: 'p2' })).toEqual({
      partnerId: 'p2',
      quarter: null,
      submissionId: null,
      submittedAt: null,
      accounts: [],
    });
    expect(await readProtectedAccounts(rm.db, rm.schema, { partnerId: 'nobody' })).toBeNull();
  });
});
