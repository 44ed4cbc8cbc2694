import { ProjectionRunner } from '../runner/projection-runner';
import { partnerEvent } from '../runner/testing/money-events';
import { MONEY_PROJECTIONS, moneyStory } from '../runner/testing/money-story';
import { payoutClosed, payoutIssued } from '../runner/testing/payout-events';
import { testDatabases, type TestLedgerDb } from '../runner/testing/test-databases';
import { partnerBalances } from './partner-balance.query';

const LATER = '2026-12-31T00:00:00.000Z';

describe.each(testDatabases())('partner balances on $name', (database) => {
  let ledger: TestLedgerDb;
  let runner: ProjectionRunner;
  const story = moneyStory();

  beforeAll(async () => {
    ledger = await database.create();
    runner = new ProjectionRunner({
      store: ledger.store,
      db: ledger.store.raw(),
      schema: ledger.readSchema,
      projections: MONEY_PROJECTIONS,
    });
  });

  afterAll(async () => {
    await ledger.destroy();
  });

  /** Appends, projects, and returns an instant strictly after everything recorded so far. */
  async function record(...events: typeof story): Promise<string> {
    await ledger.append(...events);
    await runner.catchUp();
    await new Promise((resolve) => setTimeout(resolve, 5));
    return new Date().toISOString();
  }

  const balances = (partnerId: string, asOf: string, knownAt: string) =>
    partnerBalances(ledger.store.raw(), ledger.readSchema, partnerId, { asOf, knownAt });

  it('answers per currency, reproduces any earlier answer by its knownAt after back-dated facts arrive', async () => {
    // Two USD commissions and one in JPY; nothing is due before 1 April.
    const t1 = await record(...story.slice(0, 3));
    const first = await balances('p1', '2026-04-05T00:00:00.000Z', t1);
    expect(first).toEqual([
      {
        currency: 'JPY',
        earned: '500',
        reversed: '0',
        clawedBack: '0',
        held: '0',
        payable: '500',
        paid: '0',
        balance: '500',
      },
      {
        currency: 'USD',
        earned: '500.00',
        reversed: '0.00',
        clawedBack: '0.00',
        held: '0.00',
        payable: '500.00',
        paid: '0.00',
        balance: '500.00',
      },
    ]);

    // A refund and a hold arrive later, dated before that statement's asOf.
    const t2 = await record(...story.slice(3, 5));
    expect(await balances('p1', '2026-04-05T00:00:00.000Z', t1)).toEqual(first);
    const usdNow = (await balances('p1', '2026-04-05T00:00:00.000Z', t2))[1];
    expect(usdNow).toEqual({
      currency: 'USD',
      earned: '500.00',
      reversed: '50.00',
      clawedBack: '0.00',
      held: '450.00',
      payable: '0.00',
      paid: '0.00',
      balance: '450.00',
    });

    // Business time: before the hold and before anything was due.
    expect((await balances('p1', '2026-03-22T00:00:00.000Z', t2))[1]).toMatchObject({
      balance: '450.00',
      held: '0.00',
      payable: '0.00',
    });
    // Before the refund happened, as known now.
    expect((await balances('p1', '2026-03-18T00:00:00.000Z', t2))[1]).toMatchObject({
      earned: '500.00',
      reversed: '0.00',
      balance: '500.00',
    });
  });

  it('frees held commissions at the release, takes clawbacks and dispute moves off the balance', async () => {
    const t3 = await record(...story.slice(5));
    expect((await balances('p1', '2026-04-12T00:00:00.000Z', t3))[1]).toMatchObject({
      held: '0.00',
      payable: '450.00',
    });

    const [jpy, usd] = await balances('p1', LATER, t3);
    expect(usd).toEqual({
      currency: 'USD',
      earned: '500.00',
      reversed: '180.00',
      clawedBack: '20.00',
      held: '0.00',
      payable: '300.00',
      paid: '0.00',
      balance: '300.00',
    });
    expect(jpy).toMatchObject({ balance: '500', payable: '500' });

    // The winner of the dispute: the moved 130.00 is due already, its own 40.00 only from 1 June.
    expect(await balances('p2', '2026-05-20T00:00:00.000Z', t3)).toEqual([
      {
        currency: 'USD',
        earned: '170.00',
        reversed: '0.00',
        clawedBack: '0.00',
        held: '0.00',
        payable: '130.00',
        paid: '0.00',
        balance: '170.00',
      },
    ]);
  });

  it('freezes everything from a removal on, and only from then', async () => {
    const t4 = await record(partnerEvent('PartnerRemoved', 'p2', '2026-06-10T00:00:00.000Z'));
    expect((await balances('p2', '2026-06-09T00:00:00.000Z', t4))[0]).toMatchObject({
      held: '0.00',
      payable: '170.00',
      balance: '170.00',
    });
    expect((await balances('p2', '2026-06-10T00:00:00.000Z', t4))[0]).toMatchObject({
      held: '170.00',
      payable: '0.00',
      balance: '170.00',
    });
  });

  it('subtracts payouts as paid from their issue, gives a failed one back, by asOf and knownAt', async () => {
    const june = '2026-06-01T00:00:00.000Z';
    const usd = payoutIssued({ runId: 'run-jun', partnerId: 'p1', amount: '300.00', asOf: june });
    const jpy = payoutIssued({
      runId: 'run-jun',
      partnerId: 'p1',
      amount: '500',
      currency: 'JPY',
      asOf: june,
    });
    const beforeIssue = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const issuedKnown = await record(
      usd,
      jpy,
      payoutClosed(jpy, 'paid', '2026-06-02T00:00:00.000Z'),
    );

    const [jpyPaid, usdPaid] = await balances('p1', LATER, issuedKnown);
    expect(usdPaid).toEqual({
      currency: 'USD',
      earned: '500.00',
      reversed: '180.00',
      clawedBack: '20.00',
      held: '0.00',
      payable: '0.00',
      paid: '300.00',
      balance: '0.00',
    });
    expect(jpyPaid).toMatchObject({ paid: '500', balance: '0', payable: '0' });
    // Before the run's as-of, and before the ledger knew of the payouts, nothing was paid.
    expect((await balances('p1', '2026-05-31T00:00:00.000Z', issuedKnown))[1]).toMatchObject({
      paid: '0.00',
      balance: '300.00',
    });
    expect((await balances('p1', LATER, beforeIssue))[1]).toMatchObject({
      paid: '0.00',
      payable: '300.00',
    });

    const failedKnown = await record(payoutClosed(usd, 'failed', '2026-06-03T09:00:00.000Z'));
    expect((await balances('p1', LATER, failedKnown))[1]).toMatchObject({
      paid: '0.00',
      payable: '300.00',
      balance: '300.00',
    });
    // Paid until the failure happened, and as the ledger knew it before the failure was recorded.
    expect((await balances('p1', '2026-06-02T00:00:00.000Z', failedKnown))[1]).toMatchObject({
      paid: '300.00',
    });
    expect(await balances('p1', LATER, issuedKnown)).toEqual([jpyPaid, usdPaid]);
    expect((await balances('p1', LATER, failedKnown))[0]).toMatchObject({ paid: '500' });
  });

  it('answers an empty list for a partner with nothing recorded', async () => {
    expect(await balances('nobody', LATER, LATER)).toEqual([]);
  });
});
