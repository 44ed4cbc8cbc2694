import { LedgerCommands } from '@ledger/core/commands/ledger-commands.service';
import { record } from '../../../../libs/simulation/src/testing/programme-history';
import { ClosePayoutService } from '../../../api/src/closing-payouts/close-payout.service';
import { registerStatement } from './statement.command';
import { recordAuditStory, untilLogShowsEverything } from './testing/audit-story';
import { environmentLedger, runCli, type CliLedger } from './testing/cli-harness';

const AS_OF = '2026-06-30T00:00:00.000Z';

/**
 * `ledger statement` reproduces a past statement exactly: asked again with the `knownAt` it printed,
 * it prints the same statement to the cent, even after back-dated facts (a payment, a refund, a failed
 * payout) were recorded that change what the same business time looks like today.
 */
describe(`ledger statement on ${environmentLedger().name}`, () => {
  let ledger: CliLedger;

  beforeAll(async () => {
    ledger = await environmentLedger().create();
    ledger.use();
    const store = await ledger.open();
    try {
      await recordAuditStory(store, ledger.schema);
    } finally {
      await store.close();
    }
  }, 180_000);

  afterAll(async () => {
    await ledger?.destroy();
  });

  const statement = (...args: string[]) => runCli(registerStatement, 'statement', ...args);

  it('prints the same statement for a past knownAt after back-dated facts were recorded', async () => {
    const before = JSON.parse((await statement('p_ref', '--as-of', AS_OF, '--json')).stdout);
    const knownAt: string = before.knownAt;
    expect(knownAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const textBefore = (await statement('p_ref', '--as-of', AS_OF, '--known-at', knownAt)).stdout;
    // By hand (libs/simulation's programme history): 10.01 + 33.33 + 10.00 + 50.00 + 10.00 + 40.00
    // earned; 11.11 refunded and 40.00 moved away by the dispute; 50.00 clawed back by churn. The JPY
    // commission was paid by the May run.
    expect(before.balances).toEqual([
      {
        currency: 'JPY',
        earned: '1234',
        reversed: '0',
        clawedBack: '0',
        held: '0',
        payable: '0',
        paid: '1234',
        balance: '0',
      },
      {
        currency: 'USD',
        earned: '153.34',
        reversed: '51.11',
        clawedBack: '50.00',
        held: '0.00',
        payable: '52.23',
        paid: '0.00',
        balance: '52.23',
      },
    ]);
    expect(
      before.commissions.find((c: { commissionId: string }) => c.commissionId === 'pay_6:p_ref'),
    ).toMatchObject({ paid: '1234', status: 'paid' });

    await new Promise((r) => setTimeout(r, 20)); // every later fact is recorded strictly after knownAt
    const store = await ledger.open();
    try {
      const commands = new LedgerCommands(store);
      await record(commands, {
        type: 'RecordPayment',
        data: {
          paymentId: 'pay_1late',
          accountId: 'acc_1',
          amount: '250.00',
          currency: 'USD',
          revenueModel: 'monthly_subscription',
          occurredAt: '2026-03-25T10:00:00.000Z',
        },
      });
      await record(commands, {
        type: 'RecordRefund',
        data: {
          refundId: 'ref_1a',
          paymentId: 'pay_1a',
          amount: '100.10',
          occurredAt: '2026-04-02T10:00:00.000Z',
        },
      });
      await new ClosePayoutService(store).close(
        'MarkPayoutFailed',
        'run_2026_05:p_ref:JPY',
        { occurredAt: '2026-05-04T09:00:00.000Z' },
        {},
      );
      await untilLogShowsEverything(store);
    } finally {
      await store.close();
    }

    const again = await statement('p_ref', '--as-of', AS_OF, '--known-at', knownAt, '--json');
    expect(JSON.parse(again.stdout)).toEqual(before);
    expect((await statement('p_ref', '--as-of', AS_OF, '--known-at', knownAt)).stdout).toBe(
      textBefore,
    );

    // What the ledger knows today about the same business time is different: 25.00 more earned, pay_1a
    // refunded in full (10.01), and the JPY payout failed, so its commission is owed again.
    const today = JSON.parse((await statement('p_ref', '--as-of', AS_OF, '--json')).stdout);
    expect(today.balances).toEqual([
      {
        currency: 'JPY',
        earned: '1234',
        reversed: '0',
        clawedBack: '0',
        held: '0',
        payable: '1234',
        paid: '0',
        balance: '1234',
      },
      {
        currency: 'USD',
        earned: '178.34',
        reversed: '61.12',
        clawedBack: '50.00',
        held: '0.00',
        payable: '67.22',
        paid: '0.00',
        balance: '67.22',
      },
    ]);
  }, 120_000);

  it('prints a table with the balance and the commission lines, and the pair of times it used', async () => {
    const run = await statement(
      'p_held',
      '--as-of',
      '2026-05-15T00:00:00+02:00',
      '--known-at',
      '2099-01-01T00:00:00Z',
    );
    const text = run.stdout;
    expect(run.stderr).toContain('--known-at 2099-01-01T00:00:00.000Z is in the future');
    expect(text).toContain('Statement of partner p_held');
    expect(text).toContain(
      'as of 2026-05-14T22:00:00.000Z (business time), as known at 2099-01-01T00:00:00.000Z (ledger time)',
    );
    // A second pricing violation holds the partner's commissions: all of the balance is held.
    expect(text).toMatch(
      /│ USD\s+│\s+50\.00 │\s+0\.00 │\s+0\.00 │\s+0\.00 │\s+50\.00 │\s+0\.00 │\s+50\.00 │/,
    );
    expect(text).toMatch(
      /│ pay_h:p_held\s+│ pay_h\s+│ acc_h\s+│ 2026-02-12T10:00:00\.000Z │\s+250\.00 │\s+0\.2 │\s+50\.00 │ USD\s+│ commission\.lifetime\s+│\s+v1 │\s+50\.00 │\s+0\.00 │ held\s+│/,
    );
  });

  it('refuses an unknown partner and a time without an offset, with what to fix', async () => {
    await expect(statement('p_nobody')).rejects.toThrow('no partner p_nobody is enrolled');
    await expect(statement('p_ref', '--as-of', '2026-06-30')).rejects.toThrow(
      '--as-of must be an ISO-8601 instant with an offset, got "2026-06-30"',
    );
  });
});
