import { Money } from '@ledger/domain/money';
import type { RowOp } from '../projection';
import {
  clawedBack,
  earned,
  projected,
  reassigned,
  reversed,
} from '../runner/testing/money-events';
import { payoutClosed, payoutIssued } from '../runner/testing/payout-events';
import { evolveJournal } from './journal.projection';

function net(ops: RowOp[]): string {
  return ops
    .reduce((sum, op) => sum.plus(String(op.row.debit)).minus(String(op.row.credit)), new Money(0))
    .toFixed(2);
}

describe('journal projection: balanced double entry per money event', () => {
  it('posts earning as commission expense against the partner payable', () => {
    const ops = evolveJournal(projected(earned({ amount: '200.00' }), 1));
    expect(ops.map((op) => [op.row.line_no, op.row.account, op.row.debit, op.row.credit])).toEqual([
      [1, 'commission_expense', '200.00', '0'],
      [2, 'partner_payable', '0', '200.00'],
    ]);
    expect(ops.every((op) => op.kind === 'insert' && op.key.join() === 'event_id,line_no')).toBe(
      true,
    );
  });

  it('posts reversals and clawbacks as the opposite, against contra-expense accounts', () => {
    const reversal = evolveJournal(projected(reversed({ amount: '50.00' }), 2));
    const clawback = evolveJournal(projected(clawedBack({ amount: '20.00' }), 3));
    expect(reversal.map((op) => [op.row.account, op.row.debit, op.row.credit])).toEqual([
      ['partner_payable', '50.00', '0'],
      ['commission_reversals', '0', '50.00'],
    ]);
    expect(clawback.map((op) => op.row.account)).toEqual([
      'partner_payable',
      'commission_clawbacks',
    ]);
  });

  it('moves the payable from the loser to the winner of a dispute', () => {
    const ops = evolveJournal(
      projected(reassigned({ fromPartnerId: 'p1', toPartnerId: 'p2', amount: '150.00' }), 4),
    );
    expect(
      ops.map((op) => [op.row.account, op.row.partner_id, op.row.debit, op.row.credit]),
    ).toEqual([
      ['partner_payable', 'p1', '150.00', '0'],
      ['partner_payable', 'p2', '0', '150.00'],
    ]);
  });

  it('every event nets to zero', () => {
    const stories = [
      earned({ amount: '0.01' }),
      reversed({ amount: '999999.99' }),
      clawedBack({ amount: '1234.56' }),
      reassigned({ amount: '3.33' }),
    ];
    for (const [index, story] of stories.entries()) {
      const ops = evolveJournal(projected(story, index + 1));
      expect(ops).toHaveLength(2);
      expect(net(ops)).toBe('0.00');
    }
  });

  it('moves an issued payout from the partner payable to payout clearing, then to cash once paid', () => {
    const issued = payoutIssued({
      runId: 'run-apr',
      partnerId: 'p1',
      amount: '250.00',
      asOf: '2026-04-01T00:00:00.000Z',
    });
    const rows = (story: typeof issued, position: number) =>
      evolveJournal(projected(story, position)).map((op) => [
        op.row.account,
        op.row.partner_id,
        op.row.debit,
        op.row.credit,
        op.row.payout_id,
        op.row.commission_id,
      ]);
    expect(rows(issued, 6)).toEqual([
      ['partner_payable', 'p1', '250.00', '0', 'run-apr:p1:USD', ''],
      ['payout_clearing', 'p1', '0', '250.00', 'run-apr:p1:USD', ''],
    ]);
    expect(rows(payoutClosed(issued, 'paid', '2026-04-03T09:00:00.000Z'), 7)).toEqual([
      ['payout_clearing', 'p1', '250.00', '0', 'run-apr:p1:USD', ''],
      ['cash', 'p1', '0', '250.00', 'run-apr:p1:USD', ''],
    ]);
  });

  it('reverses the issue when a payout fails: the partner is owed the amount again', () => {
    const issued = payoutIssued({
      runId: 'run-apr',
      partnerId: 'p1',
      amount: '80.00',
      asOf: '2026-04-01T00:00:00.000Z',
    });
    const issue = evolveJournal(projected(issued, 8));
    const failure = evolveJournal(
      projected(payoutClosed(issued, 'failed', '2026-04-03T09:00:00.000Z'), 9),
    );
    expect(failure.map((op) => [op.row.account, op.row.debit, op.row.credit])).toEqual([
      ['payout_clearing', '80.00', '0'],
      ['partner_payable', '0', '80.00'],
    ]);
    // Issue and failure together leave every account where it was.
    const byAccount = new Map<string, Money>();
    for (const op of [...issue, ...failure]) {
      const account = String(op.row.account);
      byAccount.set(
        account,
        (byAccount.get(account) ?? new Money(0))
          .plus(String(op.row.debit))
          .minus(String(op.row.credit)),
      );
    }
    expect([...byAccount.values()].every((net) => net.isZero())).toBe(true);
    expect(net(failure)).toBe('0.00');
  });

  it('posts nothing for a zero amount', () => {
    expect(evolveJournal(projected(reversed({ amount: '0.00' }), 5))).toEqual([]);
  });
});
