import type { ReviewProtectedAccounts, SubmitProtectedAccounts } from '../messages/commands';
import type { LedgerEvent } from '../messages/events';
import type { PartnerState } from '../partners/partner-state';
import type { Accepted, Decision, Refusal } from '../shared/decision';
import { eventIdFor } from '../shared/ids';
import {
  command,
  enrolledPartner,
  opportunityOpenedAt,
  partnerMap,
  paymentRecordedAt,
  protectedAccountsSubmitted,
  tierChanged,
  touchpointAt,
} from '../testing/partner-builders';
import { evolveProtection, initialProtectionState, protectedAccountsOf, type ProtectionState } from './protection-state';
import { decideProtection, protectionContextNeeds, type ProtectionContext } from './protection.decide';

const SUBMITTED = '2026-07-02T00:00:00.000Z';
const solution = (partnerId: string) => enrolledPartner(partnerId, 'solution', '2026-01-01T00:00:00.000Z');
const accountsNumbered = (n: number, prefix = 'acc') => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

const given = (...events: LedgerEvent[]) => events.reduce(evolveProtection, initialProtectionState());
const context = (partners: PartnerState[], histories: Record<string, LedgerEvent[]> = {}): ProtectionContext => ({
  partners: partnerMap(...partners),
  accountHistories: new Map(Object.entries(histories)),
});
const submitCmd = (partnerId: string, accountIds: string[], over: Partial<SubmitProtectedAccounts['data']> = {}) =>
  command<SubmitProtectedAccounts>('SubmitProtectedAccounts', { partnerId, submissionId: 's1', quarter: '2026-Q3', accountIds, submittedAt: SUBMITTED, ...over }, `SubmitProtectedAccounts:${partnerId}:s1`);
const reviewCmd = (quarter = '2026-Q3') => command<ReviewProtectedAccounts>('ReviewProtectedAccounts', { reviewId: 'r1', quarter }, 'ReviewProtectedAccounts:r1');

function accepted(decision: Decision): Accepted {
  if (decision.kind !== 'accepted') throw new Error(`expected acceptance, got ${decision.code}: ${decision.message}`);
  return decision;
}
function refused(decision: Decision): Refusal {
  if (decision.kind !== 'refused') throw new Error('expected a refusal');
  return decision;
}

describe('SubmitProtectedAccounts', () => {
  it('records a solution partner\'s list of exactly 50 accounts', () => {
    const decision = accepted(decideProtection(submitCmd('p1', accountsNumbered(50)), initialProtectionState(), context([solution('p1')])));
    expect(decision.events).toEqual([
      {
        type: 'ProtectedAccountsSubmitted',
        eventId: eventIdFor('SubmitProtectedAccounts:p1:s1', 0),
        occurredAt: SUBMITTED,
        data: { partnerId: 'p1', submissionId: 's1', quarter: '2026-Q3', accountIds: accountsNumbered(50) },
      },
    ]);
    expect(protectedAccountsOf(given(...decision.events), 'p1')).toHaveLength(50);
  });

  it('refuses 51 accounts with protected_accounts.limit_exceeded on accountIds', () => {
    expect(refused(decideProtection(submitCmd('p1', accountsNumbered(51)), initialProtectionState(), context([solution('p1')])))).toMatchObject({
      code: 'protected_accounts.limit_exceeded',
      field: 'accountIds',
      details: { limit: 50, count: 51 },
    });
  });

  it('refuses an account listed twice, naming it', () => {
    const decision = refused(decideProtection(submitCmd('p1', ['a', 'b', 'a']), initialProtectionState(), context([solution('p1')])));
    expect(decision).toMatchObject({ code: 'protected_accounts.duplicate_account', field: 'accountIds', details: { accountIds: ['a'] } });
  });

  it('refuses a partner that is not solution tier at submission time, and accepts it once upgraded', () => {
    const upgraded = enrolledPartner('p1', 'integration', '2026-01-01T00:00:00.000Z', [tierChanged({ fromTier: 'integration', tier: 'solution', effectiveAt: '2026-07-01T00:00:00.000Z' })]);
    expect(refused(decideProtection(submitCmd('p1', ['a'], { submittedAt: '2026-06-30T23:59:59.999Z' }), initialProtectionState(), context([upgraded])))).toMatchObject({
      code: 'protected_accounts.not_solution_tier',
      details: { tier: 'integration' },
    });
    expect(accepted(decideProtection(submitCmd('p1', ['a']), initialProtectionState(), context([upgraded]))).events).toHaveLength(1);
  });

  it('refuses an unknown partner with partner.not_found', () => {
    expect(refused(decideProtection(submitCmd('ghost', ['a']), initialProtectionState(), context([]))).code).toBe('partner.not_found');
  });

  it('refuses an account another partner protects, naming the holder', () => {
    const state = given(protectedAccountsSubmitted('p2', ['x', 'shared']));
    expect(refused(decideProtection(submitCmd('p1', ['a', 'shared']), state, context([solution('p1')])))).toMatchObject({
      code: 'protected_accounts.already_protected',
      field: 'accountIds',
      details: { accountId: 'shared', holderPartnerId: 'p2' },
    });
  });

  it('lets a partner take an account whose protection by another partner was revoked', () => {
    const state = given(
      protectedAccountsSubmitted('p2', ['shared']),
      { type: 'ProtectionRevoked', eventId: 'rev', occurredAt: '2026-07-01T00:00:00.000Z', data: { partnerId: 'p2', accountId: 'shared', quarter: '2026-Q2', reviewId: 'r0', rule: 'protection.no_pipeline_movement', evidence: [] } },
    );
    expect(decideProtection(submitCmd('p1', ['shared']), state, context([solution('p1')])).kind).toBe('accepted');
  });

  it('replaces the partner\'s own list: accounts left off are no longer protected, kept ones may be resubmitted', () => {
    const state = given(protectedAccountsSubmitted('p1', ['a', 'b']));
    const decision = accepted(decideProtection(submitCmd('p1', ['b', 'c'], { submissionId: 's2' }), state, context([solution('p1')])));
    expect(protectedAccountsOf(given(protectedAccountsSubmitted('p1', ['a', 'b']), ...decision.events), 'p1').map((a) => a.accountId)).toEqual(['b', 'c']);
  });

  it('refuses a malformed quarter', () => {
    expect(refused(decideProtection(submitCmd('p1', ['a'], { quarter: '2026-Q5' }), initialProtectionState(), context([solution('p1')])))).toMatchObject({
      code: 'protected_accounts.invalid_quarter',
      field: 'quarter',
    });
  });

  it('needs the submitting partner as context', () => {
    expect(protectionContextNeeds(submitCmd('p1', ['a']), initialProtectionState())).toEqual({ partnerIds: ['p1'], accountIds: [] });
  });
});

describe('ReviewProtectedAccounts', () => {
  const q3 = { start: '2026-07-01T00:00:00.000Z', end: '2026-10-01T00:00:00.000Z' };
  const state: ProtectionState = given(
    protectedAccountsSubmitted('p1', ['busy', 'idle', 'late-only', 'paid'], { quarter: '2026-Q3' }),
    protectedAccountsSubmitted('p2', ['opp', 'early-only'], { quarter: '2026-Q2' }),
    protectedAccountsSubmitted('p3', ['next-quarter'], { quarter: '2026-Q4' }),
  );
  const histories = {
    busy: [touchpointAt('busy', '2026-08-15T00:00:00.000Z', 'someone-else')],
    'late-only': [touchpointAt('late-only', q3.end)],
    paid: [paymentRecordedAt('paid', q3.start)],
    opp: [opportunityOpenedAt('opp', '2026-09-30T23:59:59.999Z')],
    'early-only': [touchpointAt('early-only', '2026-06-30T23:59:59.999Z'), { type: 'SignupRecorded', eventId: 'signup', occurredAt: '2026-08-01T00:00:00.000Z', data: { accountId: 'early-only' } } as LedgerEvent],
  };

  it('needs the history of every account protected on lists up to the quarter', () => {
    expect(protectionContextNeeds(reviewCmd(), state)).toEqual({ partnerIds: [], accountIds: ['busy', 'idle', 'late-only', 'paid', 'opp', 'early-only'] });
  });

  it('revokes only idle accounts, at the end of the quarter, citing the submission', () => {
    const decision = accepted(decideProtection(reviewCmd(), state, context([], histories)));
    expect(decision.events.map((e) => [e.type, e.data])).toEqual([
      ['ProtectionRevoked', { partnerId: 'p1', accountId: 'idle', quarter: '2026-Q3', reviewId: 'r1', rule: 'protection.no_pipeline_movement', evidence: ['submitted:sub-p1'] }],
      ['ProtectionRevoked', { partnerId: 'p1', accountId: 'late-only', quarter: '2026-Q3', reviewId: 'r1', rule: 'protection.no_pipeline_movement', evidence: ['submitted:sub-p1'] }],
      ['ProtectionRevoked', { partnerId: 'p2', accountId: 'early-only', quarter: '2026-Q3', reviewId: 'r1', rule: 'protection.no_pipeline_movement', evidence: ['submitted:sub-p2'] }],
    ]);
    expect(decision.events.every((e) => e.occurredAt === q3.end)).toBe(true);
    expect(decision.reply).toMatchObject({ revoked: [{ partnerId: 'p1', accountId: 'idle' }, { partnerId: 'p1', accountId: 'late-only' }, { partnerId: 'p2', accountId: 'early-only' }] });
  });

  it('shows each account\'s protection state afterwards, and a second review revokes nothing more', () => {
    const after = given(
      protectedAccountsSubmitted('p1', ['busy', 'idle', 'late-only', 'paid'], { quarter: '2026-Q3' }),
      protectedAccountsSubmitted('p2', ['opp', 'early-only'], { quarter: '2026-Q2' }),
      protectedAccountsSubmitted('p3', ['next-quarter'], { quarter: '2026-Q4' }),
      ...accepted(decideProtection(reviewCmd(), state, context([], histories))).events,
    );
    expect(protectedAccountsOf(after, 'p1').map((a) => [a.accountId, a.status, a.revokedAt])).toEqual([
      ['busy', 'protected', null],
      ['idle', 'revoked', q3.end],
      ['late-only', 'revoked', q3.end],
      ['paid', 'protected', null],
    ]);
    expect(accepted(decideProtection(reviewCmd(), after, context([], histories))).events).toEqual([]);
    expect(protectedAccountsOf(after, 'nobody')).toEqual([]);
  });

  it('refuses a malformed quarter', () => {
    expect(refused(decideProtection(reviewCmd('Q3-2026'), state, context([]))).code).toBe('protected_accounts.invalid_quarter');
  });
});
