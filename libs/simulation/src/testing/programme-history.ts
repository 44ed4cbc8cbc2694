/**
 * A small programme history recorded through the real application path (`LedgerCommands.execute`),
 * with every commission hand-computable. The comments give what the shipped plan (referral 10%,
 * integration 20%, solution 30%/35% outcome, influenced × 0.5, gross basis) records, so specs can
 * state expected differences exactly.
 */
import type { CommandRequest, LedgerCommands } from '@ledger/core';
import { DEFAULT_PLAN, type Plan } from '@ledger/domain';

/** Runs one command and fails loudly when the ledger refuses it: a history must be recorded whole. */
export async function record(commands: LedgerCommands, request: CommandRequest): Promise<void> {
  const outcome = await commands.execute(request);
  if (outcome.kind !== 'accepted')
    throw new Error(`${request.type} refused: ${outcome.code} ${outcome.message}`);
}

const USD = 'USD';

/**
 * Partners `p_ref` (referral), `p_int` (integration), `p_sol` (solution). Payments, all in 2026:
 * - acc_1, p_ref sourced: pay_1a 02-10 100.10 → 10.01; pay_1b 03-10 333.33 → 33.33, a third of it
 *   refunded 03-20 → 11.11 reversed; pay_1c 05-10 100.00 → 10.00.
 * - acc_2, p_ref sourced: pay_2 02-15 500.00 → 50.00, churn 03-01 (14 days) claws back all 50.00.
 * - acc_3, p_int sourced: pay_3 02-20 1000.00 → 200.00, churn 03-22 (30 days) claws back 133.33.
 * - acc_4, p_int sourced, p_ref influenced (demo): pay_4 03-01 200.00 (cost 50.00) → 40.00 and 10.00.
 * - acc_6, p_ref sourced: pay_6 03-15 12345 JPY → 1234.5 → 1234 (half-even).
 * - acc_7, p_ref sourced: pay_7 03-05 400.00 → 40.00; dispute won by p_int 03-15 moves 40.00 to it.
 * - acc_8, p_sol sourced: pay_8 04-01 outcome 1000.00 (cost 400.00) → 350.00.
 */
export async function recordProgrammeHistory(commands: LedgerCommands): Promise<void> {
  const run = (request: CommandRequest) => record(commands, request);
  for (const [partnerId, tier] of [
    ['p_ref', 'referral'],
    ['p_int', 'integration'],
    ['p_sol', 'solution'],
  ] as const) {
    await run({
      type: 'EnrollPartner',
      data: { partnerId, name: partnerId, tier, enrolledAt: '2026-01-01T00:00:00.000Z' },
    });
  }
  const introduce = (
    touchpointId: string,
    partnerId: string,
    accountId: string,
    kind: 'coupon' | 'co_sell_intro' | 'demo',
    occurredAt: string,
  ) =>
    run({
      type: 'RecordTouchpoint',
      data: { touchpointId, partnerId, accountId, kind, occurredAt },
    });
  const pay = (
    paymentId: string,
    accountId: string,
    amount: string,
    occurredAt: string,
    extra: { currency?: string; costOfRevenue?: string; revenueModel?: 'outcome' } = {},
  ) =>
    run({
      type: 'RecordPayment',
      data: {
        paymentId,
        accountId,
        amount,
        currency: extra.currency ?? USD,
        revenueModel: extra.revenueModel ?? 'monthly_subscription',
        occurredAt,
        ...(extra.costOfRevenue === undefined ? {} : { costOfRevenue: extra.costOfRevenue }),
      },
    });

  await introduce('tp_1', 'p_ref', 'acc_1', 'coupon', '2026-02-01T10:00:00.000Z');
  await pay('pay_1a', 'acc_1', '100.10', '2026-02-10T10:00:00.000Z');
  await pay('pay_1b', 'acc_1', '333.33', '2026-03-10T10:00:00.000Z');
  await run({
    type: 'RecordRefund',
    data: {
      refundId: 'ref_1b',
      paymentId: 'pay_1b',
      amount: '111.11',
      occurredAt: '2026-03-20T10:00:00.000Z',
    },
  });
  await pay('pay_1c', 'acc_1', '100.00', '2026-05-10T10:00:00.000Z');

  await introduce('tp_2', 'p_ref', 'acc_2', 'coupon', '2026-02-01T10:00:00.000Z');
  await pay('pay_2', 'acc_2', '500.00', '2026-02-15T10:00:00.000Z');
  await run({
    type: 'RecordChurn',
    data: { churnId: 'churn_2', accountId: 'acc_2', occurredAt: '2026-03-01T10:00:00.000Z' },
  });

  await introduce('tp_3', 'p_int', 'acc_3', 'coupon', '2026-02-01T10:00:00.000Z');
  await pay('pay_3', 'acc_3', '1000.00', '2026-02-20T10:00:00.000Z');
  await run({
    type: 'RecordChurn',
    data: { churnId: 'churn_3', accountId: 'acc_3', occurredAt: '2026-03-22T10:00:00.000Z' },
  });

  await introduce('tp_4', 'p_int', 'acc_4', 'coupon', '2026-02-01T10:00:00.000Z');
  await introduce('tp_4d', 'p_ref', 'acc_4', 'demo', '2026-02-20T10:00:00.000Z');
  await pay('pay_4', 'acc_4', '200.00', '2026-03-01T10:00:00.000Z', { costOfRevenue: '50.00' });

  await introduce('tp_6', 'p_ref', 'acc_6', 'coupon', '2026-02-01T10:00:00.000Z');
  await pay('pay_6', 'acc_6', '12345', '2026-03-15T10:00:00.000Z', { currency: 'JPY' });

  await introduce('tp_7', 'p_ref', 'acc_7', 'coupon', '2026-02-01T10:00:00.000Z');
  await pay('pay_7', 'acc_7', '400.00', '2026-03-05T10:00:00.000Z');
  await run({
    type: 'OpenDispute',
    data: {
      disputeId: 'd_7',
      accountId: 'acc_7',
      claimantPartnerId: 'p_int',
      openedAt: '2026-03-10T10:00:00.000Z',
      reason: 'we sourced it',
    },
  });
  await run({
    type: 'ResolveDispute',
    data: {
      disputeId: 'd_7',
      winnerPartnerId: 'p_int',
      resolvedAt: '2026-03-15T10:00:00.000Z',
      note: 'CRM notes',
    },
  });

  await introduce('tp_8', 'p_sol', 'acc_8', 'co_sell_intro', '2026-02-01T10:00:00.000Z');
  await pay('pay_8', 'acc_8', '1000.00', '2026-04-01T10:00:00.000Z', {
    costOfRevenue: '400.00',
    revenueModel: 'outcome',
  });
}

/** The shipped plan with every referral rate (sourced) raised to `rate`, as a plan file would state it. */
export function referralRaisedTo(rate: string): Plan {
  const referral = {
    monthly_subscription: rate,
    annual_subscription: rate,
    usage: rate,
    outcome: rate,
  };
  return {
    ...DEFAULT_PLAN,
    planId: 'what-if',
    version: 2,
    rates: { ...DEFAULT_PLAN.rates, referral },
  };
}
