import { accountContextNeeds } from './account.context';
import { evolveAccount } from './account.evolve';
import { partnerEnrolled } from '../testing/partner-builders';
import {
  ACCOUNT,
  accepted,
  accountCreated,
  accountFrom,
  attributed,
  cmd,
  contextWith,
  day,
  opportunityOpened,
  opportunityWon,
  refused,
  registrationAccepted,
  replay,
  signedUp,
  touched,
  typesOf,
  when,
} from '../testing/account-builders';

const context = contextWith({ p1: 'integration' });

describe('account facts: CRM creation and signup happen once', () => {
  it('records the CRM creation once; the same report again changes nothing; another time is refused', () => {
    const created = accepted(
      when(accountFrom([]), cmd('CreateAccountInCrm', { createdInCrmAt: day(1) }), context),
    );
    expect(created.events.map((e) => [e.type, e.data])).toEqual([
      ['AccountCreatedInCrm', { accountId: ACCOUNT, createdInCrmAt: day(1) }],
    ]);

    const given = accountFrom([accountCreated(day(1))]);
    expect(
      accepted(when(given, cmd('CreateAccountInCrm', { createdInCrmAt: day(1) }), context)).events,
    ).toEqual([]);
    expect(
      refused(when(given, cmd('CreateAccountInCrm', { createdInCrmAt: day(2) }), context)),
    ).toMatchObject({
      code: 'account.already_in_crm',
      field: 'createdInCrmAt',
    });
  });

  it('refuses a second signup', () => {
    const refusal = refused(
      when(accountFrom([signedUp(day(1))]), cmd('RecordSignup', { occurredAt: day(2) }), context),
    );
    expect(refusal).toMatchObject({
      code: 'signup.already_recorded',
      details: { signedUpAt: day(1) },
    });
  });
});

describe('account facts: touchpoints and direct contacts', () => {
  it('records a touchpoint of an enrolled partner with its source', () => {
    const decision = accepted(
      when(
        accountFrom([]),
        cmd('RecordTouchpoint', {
          touchpointId: 't1',
          partnerId: 'p1',
          kind: 'demo',
          occurredAt: day(1),
          source: 'link-tracker',
        }),
        context,
      ),
    );
    expect(typesOf(decision.events)).toEqual(['TouchpointRecorded']);
    expect(decision.events[0]!.data).toEqual({
      touchpointId: 't1',
      partnerId: 'p1',
      accountId: ACCOUNT,
      kind: 'demo',
      source: 'link-tracker',
    });
  });

  it('refuses a touchpoint of an unknown partner', () => {
    const refusal = refused(
      when(
        accountFrom([]),
        cmd('RecordTouchpoint', {
          touchpointId: 't1',
          partnerId: 'ghost',
          kind: 'coupon',
          occurredAt: day(1),
        }),
        context,
      ),
    );
    expect(refusal).toMatchObject({ code: 'partner.not_found', field: 'partnerId' });
  });
});

describe('account facts: opportunities', () => {
  it('records an opportunity with its amount and claims its id', () => {
    const decision = accepted(
      when(
        accountFrom([]),
        cmd('OpenOpportunity', {
          opportunityId: 'o1',
          amount: '5000.00',
          currency: 'EUR',
          openedAt: day(1),
        }),
        context,
      ),
    );
    expect(decision.events[0]!.data).toEqual({
      opportunityId: 'o1',
      accountId: ACCOUNT,
      amount: '5000.00',
      currency: 'EUR',
    });
    expect(decision.keys).toEqual(['opportunity:o1']);
  });

  it('refuses to close an unknown opportunity or one already closed', () => {
    expect(
      refused(
        when(
          accountFrom([]),
          cmd('WinOpportunity', { opportunityId: 'o1', occurredAt: day(2) }),
          context,
        ),
      ),
    ).toMatchObject({
      code: 'opportunity.not_found',
      field: 'opportunityId',
    });
    const closed = accountFrom([opportunityOpened({ at: day(1) }), opportunityWon({ at: day(2) })]);
    expect(
      refused(
        when(closed, cmd('LoseOpportunity', { opportunityId: 'o1', occurredAt: day(3) }), context),
      ),
    ).toMatchObject({
      code: 'opportunity.already_closed',
      details: { outcome: 'won', closedAt: day(2) },
    });
  });
});

describe('account facts: refusals record nothing', () => {
  it('does not record a due expiry when the command itself is refused', () => {
    const given = accountFrom([
      ...registrationAccepted({ submittedAt: day(0) }),
      attributed({ rule: 'attribution.registered_deal' }),
    ]);
    const decision = when(
      given,
      cmd('RecordTouchpoint', {
        touchpointId: 't1',
        partnerId: 'ghost',
        kind: 'demo',
        occurredAt: day(200),
      }),
      context,
    );
    expect(decision.kind).toBe('refused');
  });
});

describe('account state', () => {
  it('ignores events of other streams and counts arrivals of its own', () => {
    const state = accountFrom([touched({ at: day(1) })]);
    const after = evolveAccount(state, partnerEnrolled());
    expect(after).toBe(state);
    expect(state.arrivals).toBe(1);
    expect(state.latestAt).toBe(day(1));
  });

  it('asks for the partners a command names, and for every known partner before a payment', () => {
    const state = accountFrom([
      touched({ partnerId: 'p2' }),
      touched({ touchpointId: 't2', partnerId: 'p1' }),
    ]);
    expect(
      accountContextNeeds(
        cmd('RecordTouchpoint', {
          touchpointId: 't3',
          partnerId: 'p9',
          kind: 'demo',
          occurredAt: day(1),
        }),
        state,
      ),
    ).toEqual({ partnerIds: ['p9'] });
    expect(
      accountContextNeeds(
        cmd('RecordPayment', {
          paymentId: 'pay-1',
          amount: '1.00',
          currency: 'USD',
          revenueModel: 'usage',
          occurredAt: day(1),
        }),
        state,
      ),
    ).toEqual({ partnerIds: ['p1', 'p2'] });
    expect(
      accountContextNeeds(cmd('RecordChurn', { churnId: 'c1', occurredAt: day(1) }), state),
    ).toEqual({ partnerIds: [] });
  });
});

describe('account events as the store keeps them', () => {
  it('are plain JSON, and folding them back gives the state the decisions worked on', () => {
    const history = replay(
      accountFrom([]),
      [
        cmd('RecordTouchpoint', {
          touchpointId: 't1',
          partnerId: 'p1',
          kind: 'coupon',
          occurredAt: day(0),
        }),
        cmd('SubmitDealRegistration', {
          registrationId: 'r1',
          partnerId: 'p1',
          firstContactAt: day(0),
          submittedAt: day(1),
        }),
        cmd('RecordPayment', {
          paymentId: 'pay-1',
          amount: '99.99',
          currency: 'USD',
          revenueModel: 'usage',
          occurredAt: day(2),
        }),
        cmd('RecordRefund', {
          refundId: 'rf-1',
          paymentId: 'pay-1',
          amount: '9.99',
          occurredAt: day(3),
        }),
        cmd('OpenDispute', {
          disputeId: 'd1',
          claimantPartnerId: 'p2',
          openedAt: day(4),
          reason: 'x',
        }),
        cmd('ResolveDispute', {
          disputeId: 'd1',
          winnerPartnerId: 'p2',
          resolvedAt: day(5),
          note: 'y',
        }),
        cmd('RecordChurn', { churnId: 'ch-1', occurredAt: day(200) }),
      ],
      contextWith({ p1: 'integration', p2: 'referral' }),
    );
    const stored = JSON.parse(JSON.stringify(history.events)) as typeof history.events;

    // Strict: a key holding `undefined` would vanish in storage and change the event's hash.
    expect(stored).toStrictEqual(history.events);
    expect(typesOf(stored)).toContain('CommissionReassigned');
    expect(typesOf(stored)).toContain('DealRegistrationExpired');
    expect(stored.reduce(evolveAccount, accountFrom([]))).toEqual(history.state);
  });
});
