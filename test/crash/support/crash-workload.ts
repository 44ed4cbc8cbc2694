import Decimal from 'decimal.js';

/** One command as the client sends it, under the id the ledger makes it idempotent by. */
export interface WorkloadCommand {
  /** The ledger's command id (`RecordPayment:pay_1`), to find its events afterwards. */
  commandId: string;
  path: string;
  role: 'ingest' | 'manager' | 'finance';
  body: Record<string, string>;
}

/** Commands that must arrive in order (one partner, one account); chains run side by side. */
export type Chain = WorkloadCommand[];

export interface Workload {
  partners: Chain[];
  accounts: Chain[];
  /** One more payment per partner after the account chains, so the last run pays every partner. */
  closing: Chain[];
  /** Payout runs: spread between the account chains, the last one after everything else. */
  runs: WorkloadCommand[];
  /** What each partner must have earned and had reversed, from the workload alone. */
  expected: Map<string, { earned: Decimal; reversed: Decimal }>;
  size: number;
}

export const PAYOUT_AS_OF = '2026-05-01T00:00:00Z';
/** Integration tier: 20 % of every payment, payable from the first of the next month (SPEC §4). */
const RATE = new Decimal('0.2');

/**
 * A programme big enough to be interrupted many times: partners (integration tier), accounts each
 * introduced by one partner's coupon and then paying a few times with some refunds, and payout runs
 * spread through it. Amounts are whole currency units, so every commission and reversal is exact
 * and the money expected per partner is known without the ledger.
 */
export function buildWorkload(options: {
  partners: number;
  accounts: number;
  runs: number;
}): Workload {
  const partners: Chain[] = [];
  const expected = new Map<string, { earned: Decimal; reversed: Decimal }>();
  for (let p = 0; p < options.partners; p++) {
    const partnerId = `cp_${p}`;
    expected.set(partnerId, { earned: new Decimal(0), reversed: new Decimal(0) });
    partners.push([
      {
        commandId: `EnrollPartner:${partnerId}`,
        path: '/v1/partners',
        role: 'manager',
        body: {
          partnerId,
          name: `Crash Partner ${p}`,
          tier: 'integration',
          enrolledAt: '2026-01-01T00:00:00Z',
        },
      },
    ]);
  }
  const accounts = Array.from({ length: options.accounts }, (_, a) =>
    accountChain(a, `cp_${a % options.partners}`, expected),
  );
  const closing = Array.from({ length: Math.min(options.partners, options.accounts) }, (_, a) => [
    payment(
      `cacc_${a}`,
      `cpay_${a}_closing`,
      new Decimal(50 + a),
      '2026-03-30T10:00:00Z',
      expected.get(`cp_${a % options.partners}`)!,
    ),
  ]);
  const runs = Array.from({ length: options.runs }, (_, r) => ({
    commandId: `RunPayouts:crash_run_${r}`,
    path: '/v1/payout-runs',
    role: 'finance' as const,
    // The smallest minimum: every positive net is paid, so the money can be reconciled to the cent.
    body: { runId: `crash_run_${r}`, asOf: PAYOUT_AS_OF, minimumPayout: '0.01' },
  }));
  const size = [...partners, ...accounts, ...closing].reduce(
    (n, chain) => n + chain.length,
    runs.length,
  );
  return {
    partners,
    accounts,
    closing,
    runs,
    expected,
    size,
  };
}

/** A coupon, then three payments, the first two refunded in part. */
function accountChain(
  a: number,
  partnerId: string,
  expected: Map<string, { earned: Decimal; reversed: Decimal }>,
): Chain {
  const accountId = `cacc_${a}`;
  const chain: Chain = [
    {
      commandId: `RecordTouchpoint:ctp_${a}`,
      path: '/v1/touchpoints',
      role: 'ingest',
      body: {
        touchpointId: `ctp_${a}`,
        partnerId,
        accountId,
        kind: 'coupon',
        occurredAt: '2026-01-05T00:00:00Z',
      },
    },
  ];
  const money = expected.get(partnerId)!;
  for (let k = 0; k < 3; k++) {
    const paymentId = `cpay_${a}_${k}`;
    const occurredAt = `2026-0${2 + (k % 2)}-${String(1 + ((a + k) % 27)).padStart(2, '0')}T10:00:00Z`;
    chain.push(
      payment(accountId, paymentId, new Decimal(100 + ((a * 7 + k * 13) % 400)), occurredAt, money),
    );
    if (k < 2) {
      const refunded = new Decimal(10 * (1 + ((a + k) % 5)));
      chain.push({
        commandId: `RecordRefund:cref_${a}_${k}`,
        path: '/v1/refunds',
        role: 'ingest',
        body: {
          refundId: `cref_${a}_${k}`,
          paymentId,
          amount: refunded.toFixed(2),
          occurredAt: '2026-03-29T10:00:00Z',
        },
      });
      money.reversed = money.reversed.plus(refunded.times(RATE));
    }
  }
  return chain;
}

/** A payment in whole dollars, and the 20 % commission it adds to what the partner must earn. */
function payment(
  accountId: string,
  paymentId: string,
  amount: Decimal,
  occurredAt: string,
  money: { earned: Decimal },
): WorkloadCommand {
  money.earned = money.earned.plus(amount.times(RATE));
  return {
    commandId: `RecordPayment:${paymentId}`,
    path: '/v1/payments',
    role: 'ingest',
    body: {
      paymentId,
      accountId,
      amount: amount.toFixed(2),
      currency: 'USD',
      revenueModel: 'monthly_subscription',
      occurredAt,
    },
  };
}
