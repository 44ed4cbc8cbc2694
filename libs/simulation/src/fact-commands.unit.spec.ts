import {
  decideAccount,
  evolveAccount,
  initialAccountState,
  initialPlanBook,
  type AccountCommand,
  type AccountEvent,
  type AccountState,
} from '@ledger/domain';
import { enrolledPartner, partnerMap } from '@ledger/domain/testing/partner-builders';
import { commandForFact, isAccountFact } from './fact-commands';

const context = {
  partners: partnerMap(enrolledPartner('p1', 'referral'), enrolledPartner('p2', 'integration')),
  plans: initialPlanBook(),
};
const A = 'acc-1';

function cmd<C extends AccountCommand>(
  type: C['type'],
  naturalId: string,
  data: C['data'],
): AccountCommand {
  return { type, data, metadata: { commandId: `${type}:${naturalId}` } } as AccountCommand;
}

/** One account's life touching every account command the ledger accepts, in an order where each is accepted. */
const SCRIPT: AccountCommand[] = [
  cmd('CreateAccountInCrm', A, { accountId: A, createdInCrmAt: '2026-01-05T00:00:00.000Z' }),
  cmd('RecordTouchpoint', 't1', {
    touchpointId: 't1',
    partnerId: 'p1',
    accountId: A,
    kind: 'referral_click',
    occurredAt: '2026-01-10T00:00:00.000Z',
    source: 'link-tracker',
  }),
  cmd('RecordSignup', A, { accountId: A, occurredAt: '2026-01-11T00:00:00.000Z' }),
  cmd('RecordDirectContact', 'c1', {
    contactId: 'c1',
    accountId: A,
    occurredAt: '2026-01-12T00:00:00.000Z',
  }),
  cmd('SubmitDealRegistration', 'r1', {
    registrationId: 'r1',
    partnerId: 'p2',
    accountId: A,
    firstContactAt: '2026-01-12T00:00:00.000Z',
    submittedAt: '2026-01-13T00:00:00.000Z',
  }),
  cmd('OpenOpportunity', 'o1', {
    opportunityId: 'o1',
    accountId: A,
    amount: '5000.00',
    currency: 'USD',
    openedAt: '2026-01-14T00:00:00.000Z',
  }),
  cmd('OpenOpportunity', 'o2', {
    opportunityId: 'o2',
    accountId: A,
    amount: '100.00',
    currency: 'USD',
    openedAt: '2026-01-14T00:00:00.000Z',
  }),
  cmd('LoseOpportunity', 'o2', {
    opportunityId: 'o2',
    accountId: A,
    occurredAt: '2026-01-20T00:00:00.000Z',
  }),
  cmd('WinOpportunity', 'o1', {
    opportunityId: 'o1',
    accountId: A,
    occurredAt: '2026-01-25T00:00:00.000Z',
  }),
  cmd('RecordPayment', 'pay1', {
    paymentId: 'pay1',
    accountId: A,
    amount: '1000.00',
    currency: 'USD',
    revenueModel: 'usage',
    occurredAt: '2026-02-01T00:00:00.000Z',
    costOfRevenue: '120.00',
  }),
  cmd('RecordRefund', 'rf1', {
    refundId: 'rf1',
    paymentId: 'pay1',
    accountId: A,
    amount: '100.00',
    occurredAt: '2026-02-05T00:00:00.000Z',
  }),
  cmd('OpenDispute', 'd1', {
    disputeId: 'd1',
    accountId: A,
    claimantPartnerId: 'p1',
    openedAt: '2026-02-06T00:00:00.000Z',
    reason: 'first click was ours',
  }),
  cmd('ResolveDispute', 'd1', {
    disputeId: 'd1',
    accountId: A,
    winnerPartnerId: 'p1',
    resolvedAt: '2026-02-07T00:00:00.000Z',
    note: 'click logs',
  }),
  cmd('RecordChurn', 'ch1', {
    churnId: 'ch1',
    accountId: A,
    occurredAt: '2026-02-20T00:00:00.000Z',
  }),
];

describe('commandForFact: the command a recorded fact came from', () => {
  it('rebuilds every account command exactly from the one fact its decision recorded', () => {
    let state: AccountState = initialAccountState(A);
    const rebuiltTypes: string[] = [];
    for (const command of SCRIPT) {
      const decision = decideAccount(command, state, context);
      if (decision.kind === 'refused')
        throw new Error(`${command.metadata.commandId}: ${decision.code}`);
      const events = decision.events as AccountEvent[];
      const facts = events.filter(isAccountFact);
      expect(facts).toHaveLength(1);
      expect(commandForFact(facts[0]!, command.metadata)).toEqual(command);
      rebuiltTypes.push(command.type);
      state = events.reduce(evolveAccount, state);
    }
    // The script really reached the money rules: a commission, a reversal and a reassignment were decided.
    expect(state.commissions.map((c) => c.commissionId)).toEqual(['pay1:p2', 'pay1:p2:dispute:d1']);
    expect(state.commissions[0]!.reversed).toBe('20.00');
    expect(new Set(rebuiltTypes).size).toBe(13);
  });

  it('treats what the ledger derives as decisions, not facts', () => {
    const derived = [
      'DealRegistrationAccepted',
      'AttributionDecided',
      'CommissionEarned',
      'CommissionReversed',
      'CommissionClawedBack',
      'CommissionReassigned',
      'DealRegistrationExpired',
    ];
    for (const type of derived) expect(isAccountFact({ type } as AccountEvent)).toBe(false);
    expect(isAccountFact({ type: 'PaymentRecorded' } as AccountEvent)).toBe(true);
    expect(isAccountFact({ type: 'DisputeResolved' } as AccountEvent)).toBe(true);
  });
});
