import { partnerBalances } from '../partner-balances/partner-balance.query';
import { ProjectionRunner } from '../runner/projection-runner';
import { MONEY_PROJECTIONS, moneyStory } from '../runner/testing/money-story';
import { payoutClosed, payoutIssued } from '../runner/testing/payout-events';
import { testDatabases, type TestLedgerDb } from '../runner/testing/test-databases';

const NOW = '2099-01-01T00:00:00.000Z';
const JUNE = '2026-06-01T00:00:00.000Z';

/** p1's 300.00 is paid out and reaches it; p2's 130.00 is issued and the transfer fails. */
function payouts() {
  const p1 = payoutIssued({ runId: 'run-jun', partnerId: 'p1', amount: '300.00', asOf: JUNE });
  const p2 = payoutIssued({ runId: 'run-jun', partnerId: 'p2', amount: '130.00', asOf: JUNE });
  return [
    p1,
    p2,
    payoutClosed(p1, 'paid', '2026-06-03T09:00:00.000Z'),
    payoutClosed(p2, 'failed', '2026-06-03T09:00:00.000Z'),
  ];
}

describe.each(testDatabases())('journal on $name', (database) => {
  let ledger: TestLedgerDb;

  beforeAll(async () => {
    ledger = await database.create();
    await ledger.append(...moneyStory(), ...payouts());
    await new ProjectionRunner({
      store: ledger.store,
      db: ledger.store.raw(),
      schema: ledger.readSchema,
      projections: MONEY_PROJECTIONS,
    }).catchUp();
  });

  afterAll(() => ledger.destroy());

  it('sums to zero per currency after a story with refunds, clawbacks, a dispute and payouts', async () => {
    const rows = await ledger.store.raw().query<{ currency: string; debits: string; net: string }>(
      `SELECT currency, SUM(debit)::text AS debits, SUM(debit - credit)::text AS net
       FROM "${ledger.readSchema}".journal_lines GROUP BY currency ORDER BY currency`,
    );
    expect(rows).toEqual([
      { currency: 'JPY', debits: '500', net: '0' },
      // 740.00 of commission postings, then 300.00 issued and paid, 130.00 issued and failed.
      { currency: 'USD', debits: '1600.00', net: '0.00' },
    ]);
  });

  it('leaves paid money in cash and nothing in clearing once every payout is closed', async () => {
    const rows = await ledger.store
      .raw()
      .query<{ account: string; partner_id: string; net: string }>(
        `SELECT account, partner_id, SUM(debit - credit)::text AS net FROM "${ledger.readSchema}".journal_lines
       WHERE account IN ('cash', 'payout_clearing') GROUP BY account, partner_id ORDER BY account, partner_id`,
      );
    expect(rows).toEqual([
      { account: 'cash', partner_id: 'p1', net: '-300.00' },
      { account: 'payout_clearing', partner_id: 'p1', net: '0.00' },
      { account: 'payout_clearing', partner_id: 'p2', net: '0.00' },
    ]);
  });

  it('keeps each partner’s payable account equal to its balance', async () => {
    for (const partnerId of ['p1', 'p2']) {
      const payable = await ledger.store.raw().query<{ currency: string; owed: string }>(
        `SELECT currency, SUM(credit - debit)::text AS owed FROM "${ledger.readSchema}".journal_lines
         WHERE account = 'partner_payable' AND partner_id = $1 GROUP BY currency ORDER BY currency`,
        [partnerId],
      );
      const balances = await partnerBalances(ledger.store.raw(), ledger.readSchema, partnerId, {
        asOf: NOW,
        knownAt: NOW,
      });
      expect(payable.map((p) => [p.currency, Number(p.owed)])).toEqual(
        balances.map((b) => [b.currency, Number(b.balance)]),
      );
    }
  });
});
