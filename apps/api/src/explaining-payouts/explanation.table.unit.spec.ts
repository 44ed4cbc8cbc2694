import { renderExplanation } from './explanation.table';
import type { ExplainedLine, PayoutExplanation } from './payout-explanation';

const position = (eventId: string, type: string, globalPosition: string) => ({
  eventId,
  type,
  streamId: 'account-acc_1',
  streamRevision: 3,
  globalPosition,
  transactionId: '900',
  occurredAt: '2026-03-15T10:00:00.000Z',
  recordedAt: '2026-03-15T10:00:01.000Z',
});

const commission: ExplainedLine = {
  lineNo: 1,
  kind: 'true_up',
  itemKind: 'commission',
  itemId: 'pay_1:p_sol',
  amount: '300.00',
  currency: 'USD',
  accountId: 'acc_1',
  commissionId: 'pay_1:p_sol',
  paymentId: 'pay_1',
  rule: 'commission.lifetime',
  planVersion: 1,
  rate: '0.3',
  basis: '1000.00',
  unroundedAmount: '300.000',
  rounding: { mode: 'half_even', minorUnits: 2, unrounded: '300.000', rounded: '300.00' },
  attribution: {
    eventId: 'attr-1',
    rule: 'attribution.new_account',
    sourcedPartnerId: 'p_sol',
    credit: 'sourced',
  },
  carriedFromRunId: null,
  sourceEventIds: ['e8b7c0d2-earned'],
  positions: [position('e8b7c0d2-earned', 'CommissionEarned', '41')],
};
const clawback: ExplainedLine = {
  ...commission,
  lineNo: 2,
  kind: 'carried',
  itemKind: 'clawback',
  itemId: 'cb-1',
  amount: '-12.50',
  rule: 'churn.referral_full_clawback',
  unroundedAmount: null,
  rounding: null,
  carriedFromRunId: 'run_03',
  sourceEventIds: ['5a5a5a5a-clawback'],
  positions: [position('5a5a5a5a-clawback', 'CommissionClawedBack', '57')],
};

const explanation: PayoutExplanation = {
  payoutId: 'run_04:p_sol:USD',
  runId: 'run_04',
  partnerId: 'p_sol',
  currency: 'USD',
  amount: '287.50',
  asOf: '2026-04-01T00:00:00.000Z',
  minimumPayout: '50.00',
  status: 'paid',
  closedAt: '2026-04-03T09:00:00.000Z',
  reference: 'wire-17',
  issued: position('issued', 'PayoutIssued', '60'),
  lines: [commission, clawback],
  linesTotal: '287.50',
};

describe('an explanation in the terminal', () => {
  const text = renderExplanation(explanation);

  it('names the payout, its partner, status and run', () => {
    expect(text).toContain(
      'Payout run_04:p_sol:USD: 287.50 USD to partner p_sol (paid 2026-04-03T09:00:00.000Z)',
    );
    expect(text).toContain(
      'Run run_04 as of 2026-04-01T00:00:00.000Z, minimum 50.00; issued at position 60; reference wire-17',
    );
  });

  it('shows each line with its kind, rate, rounding, attribution and sources, then the total', () => {
    expect(text).toMatch(/true_up \(commission\)/);
    expect(text).toMatch(/carried \(clawback from\s/);
    expect(text).toContain('0.3 × 1000.00');
    expect(text).toContain('300.000 → 300.00 (half-even)');
    expect(text).toContain('sourced attribution.new_account');
    expect(text).toContain('CommissionClawedBack 5a5a5a5a @ 57');
    expect(text).toMatch(/total of lines\s*│\s*287\.50\s*│ = payout 287\.50 USD/);
  });
});
