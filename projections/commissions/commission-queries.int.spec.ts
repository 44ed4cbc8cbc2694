import { ProjectionRunner } from '../runner/projection-runner';
import { MONEY_PROJECTIONS, moneyStory } from '../runner/testing/money-story';
import { testDatabases, type TestLedgerDb } from '../runner/testing/test-databases';
import { commissionAdjustments } from './commission-adjustments.query';
import { partnerCommissions } from './partner-commissions.query';

const NOW = '2099-01-01T00:00:00.000Z';

describe.each(testDatabases())('commission queries on $name', (database) => {
  let ledger: TestLedgerDb;

  beforeAll(async () => {
    ledger = await database.create();
    await ledger.append(...moneyStory());
    await new ProjectionRunner({
      store: ledger.store,
      db: ledger.store.raw(),
      schema: ledger.readSchema,
      projections: MONEY_PROJECTIONS,
    }).catchUp();
  });

  afterAll(() => ledger.destroy());

  const lines = (partnerId: string, asOf: string, range: { from?: string; to?: string } = {}) =>
    partnerCommissions(ledger.store.raw(), ledger.readSchema, partnerId, {
      asOf,
      knownAt: NOW,
      ...range,
    });

  it('lists a partner’s lines with what was taken off each and where each stands', async () => {
    const all = await lines('p1', NOW);
    expect(
      all.map((l) => [
        l.commissionId,
        l.amount,
        l.reversed,
        l.clawedBack,
        l.reassignedAway,
        l.outstanding,
        l.status,
      ]),
    ).toEqual([
      ['pay-1:p1', '200.00', '50.00', '20.00', '130.00', '0.00', 'reassigned'],
      ['pay-2:p1', '300.00', '0.00', '0.00', '0.00', '300.00', 'payable'],
      ['pay-j:p1', '500', '0', '0', '0', '500', 'payable'],
    ]);
    expect(all[0]).toMatchObject({
      paymentId: 'pay-1',
      accountId: 'acc-1',
      basis: '1000.00',
      rate: '0.2',
      rule: 'commission.integration_lifetime',
      planVersion: 1,
    });
  });

  it('derives the status at asOf: held during the hold, pending before the payout date', async () => {
    const duringHold = await lines('p1', '2026-03-30T00:00:00.000Z');
    expect(duringHold.map((l) => l.status)).toEqual(['held', 'held', 'held']);
    const beforeHold = await lines('p1', '2026-03-21T00:00:00.000Z');
    expect(beforeHold.map((l) => [l.commissionId, l.status, l.outstanding])).toEqual([
      ['pay-1:p1', 'pending', '150.00'],
      ['pay-2:p1', 'pending', '300.00'],
      ['pay-j:p1', 'pending', '500'],
    ]);
  });

  it('filters by payment time [from, to) and shows a moved line with the basis and rate it came from', async () => {
    expect(
      (
        await lines('p1', NOW, { from: '2026-03-15T10:00:00.000Z', to: '2026-03-16T10:00:00.000Z' })
      ).map((l) => l.commissionId),
    ).toEqual(['pay-2:p1']);
    const [moved, own] = await lines('p2', NOW);
    expect(moved).toMatchObject({
      commissionId: 'pay-1:p1:dispute:d-1',
      origin: 'reassigned',
      basis: '1000.00',
      rate: '0.2',
      amount: '130.00',
      status: 'payable',
    });
    expect(own).toMatchObject({ commissionId: 'pay-3:p2', status: 'payable' });
  });

  it('lists reversals, clawbacks and reassignments with their causes, page by page', async () => {
    const query = (filter: Partial<Parameters<typeof commissionAdjustments>[2]> = {}) =>
      commissionAdjustments(ledger.store.raw(), ledger.readSchema, {
        knownAt: NOW,
        limit: 100,
        ...filter,
      });
    const all = await query({ partnerId: 'p1' });
    expect(all.map((a) => [a.kind, a.amount, a.cause])).toEqual([
      ['reversal', '50.00', { kind: 'refund', id: 'ref-1' }],
      ['clawback', '20.00', { kind: 'churn', id: 'churn-1', daysRetained: 45 }],
      [
        'reassignment',
        '130.00',
        { kind: 'dispute', id: 'd-1', toPartnerId: 'p2', newCommissionId: 'pay-1:p1:dispute:d-1' },
      ],
    ]);
    expect(await query({ partnerId: 'p2' })).toEqual([]);
    expect(
      (await query({ from: '2026-04-01T00:00:00.000Z', to: '2026-05-01T10:00:00.000Z' })).map(
        (a) => a.kind,
      ),
    ).toEqual(['clawback']);

    const firstPage = await query({ limit: 2 });
    const secondPage = await query({
      limit: 2,
      after: { occurredAt: firstPage[1]!.occurredAt, position: firstPage[1]!.position },
    });
    expect([...firstPage, ...secondPage]).toEqual(all);
  });
});
