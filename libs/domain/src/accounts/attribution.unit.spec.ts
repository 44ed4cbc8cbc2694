import { eventIdFor } from '../shared/ids';
import {
  ACCOUNT,
  accepted,
  accountCreated,
  accountFrom,
  attributed,
  cmd,
  contextWith,
  day,
  only,
  opportunityLost,
  opportunityOpened,
  replay,
  signedUp,
  touched,
  typesOf,
  when,
} from '../testing/account-builders';

const context = contextWith({ p1: 'integration', p2: 'integration', p3: 'referral' });

describe('attribution: the referral-click window', () => {
  const click = touched({
    touchpointId: 't1',
    partnerId: 'p1',
    kind: 'referral_click',
    at: day(0, 12),
  });

  it('does not count a click before the signup that validates it', () => {
    const decision = accepted(
      when(
        accountFrom([]),
        cmd('RecordTouchpoint', {
          touchpointId: 't1',
          partnerId: 'p1',
          kind: 'referral_click',
          occurredAt: day(0),
        }),
        context,
      ),
    );
    expect(typesOf(decision.events)).toEqual(['TouchpointRecorded']);
  });

  it('sources the account when the signup follows within 90 whole days, citing the click and the signup', () => {
    const command = cmd('RecordSignup', { occurredAt: day(90, 11) });
    const decision = accepted(when(accountFrom([click]), command, context));
    const signupId = eventIdFor(command.metadata.commandId, 0);

    expect(typesOf(decision.events)).toEqual(['SignupRecorded', 'AttributionDecided']);
    expect(decision.events[1]).toEqual({
      type: 'AttributionDecided',
      eventId: eventIdFor(command.metadata.commandId, 1),
      occurredAt: day(90, 11),
      data: {
        accountId: ACCOUNT,
        sourced: 'p1',
        influenced: [],
        sourcedAs: 'attribution.new_account',
        credits: [
          {
            partnerId: 'p1',
            credit: 'sourced',
            rule: 'attribution.first_touch',
            evidence: ['touch:t1', signupId],
          },
        ],
        rule: 'attribution.first_touch',
        evidence: ['touch:t1', signupId],
      },
    });
  });

  it('gives no credit when the signup comes 91 days after the click', () => {
    const decision = accepted(
      when(accountFrom([click]), cmd('RecordSignup', { occurredAt: day(91, 12) }), context),
    );
    expect(typesOf(decision.events)).toEqual(['SignupRecorded']);
  });
});

describe('attribution: new account, dormant lead, open opportunity', () => {
  const coupon = cmd('RecordTouchpoint', {
    touchpointId: 't1',
    partnerId: 'p1',
    kind: 'coupon',
    occurredAt: day(10),
  });
  const decided = (events: ReturnType<typeof accepted>['events']) =>
    only(events, 'AttributionDecided')[0]!.data;

  it('sources a partner that introduced an account not yet in the CRM', () => {
    const decision = accepted(when(accountFrom([accountCreated(day(10, 1))]), coupon, context));
    expect(decided(decision.events)).toMatchObject({
      sourced: 'p1',
      sourcedAs: 'attribution.new_account',
      influenced: [],
    });
  });

  it('sources a partner that introduced a dormant lead (in the CRM, no open opportunity)', () => {
    const given = accountFrom([
      accountCreated(day(0)),
      opportunityOpened({ at: day(2) }),
      opportunityLost({ at: day(5) }),
    ]);
    const decision = accepted(when(given, coupon, context));
    expect(decided(decision.events)).toMatchObject({
      sourced: 'p1',
      sourcedAs: 'attribution.dormant_lead',
      evidence: [eventIdFor(coupon.metadata.commandId, 0), `crm:${ACCOUNT}`],
    });
  });

  it('only influences when an opportunity was open at the introduction', () => {
    const given = accountFrom([accountCreated(day(0)), opportunityOpened({ at: day(5) })]);
    const decision = accepted(when(given, coupon, context));
    const touchId = eventIdFor(coupon.metadata.commandId, 0);
    expect(decided(decision.events)).toEqual({
      accountId: ACCOUNT,
      sourced: null,
      influenced: ['p1'],
      credits: [
        {
          partnerId: 'p1',
          credit: 'influenced',
          rule: 'attribution.open_opportunity',
          evidence: [touchId, `crm:${ACCOUNT}`, 'opened:o1'],
        },
      ],
      rule: 'attribution.open_opportunity',
      evidence: [touchId, `crm:${ACCOUNT}`, 'opened:o1'],
    });
  });
});

describe('attribution: several introducers', () => {
  it('lets an accepted registration beat an earlier unregistered click, which then earns nothing', () => {
    const given = accountFrom([
      touched({ touchpointId: 't1', partnerId: 'p1', kind: 'referral_click', at: day(1) }),
      signedUp(day(2)),
      attributed({ sourced: 'p1' }),
    ]);
    const command = cmd('SubmitDealRegistration', {
      registrationId: 'r1',
      partnerId: 'p2',
      firstContactAt: day(4),
      submittedAt: day(5),
    });
    const decision = accepted(when(given, command, context));
    const acceptedId = eventIdFor(command.metadata.commandId, 1);

    expect(typesOf(decision.events)).toEqual([
      'DealRegistrationSubmitted',
      'DealRegistrationAccepted',
      'AttributionDecided',
    ]);
    expect(decision.events[2]!.data).toMatchObject({
      sourced: 'p2',
      influenced: [],
      rule: 'attribution.registered_deal',
      sourcedAs: 'attribution.new_account',
      evidence: [acceptedId],
    });
  });

  it('sources the first of two clicks once the signup validates them, even if it was recorded second', () => {
    const given = accountFrom([
      touched({ touchpointId: 't1', partnerId: 'p1', kind: 'referral_click', at: day(3) }),
      touched({ touchpointId: 't2', partnerId: 'p2', kind: 'referral_click', at: day(1) }),
    ]);
    const decision = accepted(when(given, cmd('RecordSignup', { occurredAt: day(10) }), context));
    expect(decision.events[1]!.data).toMatchObject({
      sourced: 'p2',
      influenced: [],
      rule: 'attribution.first_touch',
    });
  });

  it('breaks a tie between introductions at the same instant by arrival', () => {
    const { events } = replay(
      accountFrom([]),
      [
        cmd('RecordTouchpoint', {
          touchpointId: 't1',
          partnerId: 'p2',
          kind: 'co_sell_intro',
          occurredAt: day(1),
        }),
        cmd('RecordTouchpoint', {
          touchpointId: 't2',
          partnerId: 'p1',
          kind: 'coupon',
          occurredAt: day(1),
        }),
      ],
      context,
    );
    expect(typesOf(events)).toEqual([
      'TouchpointRecorded',
      'AttributionDecided',
      'TouchpointRecorded',
    ]);
    expect(events[1]!.data).toMatchObject({ sourced: 'p2' });
  });
});

describe('attribution: contributions before the win', () => {
  const given = accountFrom([
    touched({ touchpointId: 't1', partnerId: 'p1', kind: 'coupon', at: day(0) }),
    attributed({ sourced: 'p1' }),
    opportunityOpened({ at: day(5) }),
    touched({ touchpointId: 'demo', partnerId: 'p2', kind: 'demo', at: day(10, 6) }),
  ]);

  it('influences a partner whose contribution came 90 whole days before the win', () => {
    const command = cmd('WinOpportunity', { opportunityId: 'o1', occurredAt: day(100, 5) });
    const decision = accepted(when(given, command, context));
    const wonId = eventIdFor(command.metadata.commandId, 0);

    expect(typesOf(decision.events)).toEqual(['OpportunityWon', 'AttributionDecided']);
    expect(decision.events[0]!.data).toEqual({
      opportunityId: 'o1',
      accountId: ACCOUNT,
      amount: '12000.00',
      currency: 'USD',
    });
    expect(decision.events[1]!.data).toMatchObject({
      sourced: 'p1',
      influenced: ['p2'],
      rule: 'attribution.first_touch',
      credits: [
        {
          partnerId: 'p1',
          credit: 'sourced',
          rule: 'attribution.first_touch',
          evidence: ['touch:t1'],
        },
        {
          partnerId: 'p2',
          credit: 'influenced',
          rule: 'attribution.contribution',
          evidence: ['touch:demo', wonId],
        },
      ],
    });
  });

  it('gives no credit for a contribution 91 days before the win', () => {
    const decision = accepted(
      when(given, cmd('WinOpportunity', { opportunityId: 'o1', occurredAt: day(101, 6) }), context),
    );
    expect(typesOf(decision.events)).toEqual(['OpportunityWon']);
  });
});

describe('attribution: locked at the first payment', () => {
  it('keeps the sourced partner of the first payment when a registration arrives later', () => {
    const history = replay(
      accountFrom([]),
      [
        cmd('RecordTouchpoint', {
          touchpointId: 't1',
          partnerId: 'p1',
          kind: 'coupon',
          occurredAt: day(0),
        }),
        cmd('RecordPayment', {
          paymentId: 'pay-1',
          amount: '100.00',
          currency: 'USD',
          revenueModel: 'monthly_subscription',
          occurredAt: day(10),
        }),
      ],
      context,
    );
    const registration = replay(
      history.state,
      [
        cmd('SubmitDealRegistration', {
          registrationId: 'r1',
          partnerId: 'p2',
          firstContactAt: day(19),
          submittedAt: day(20),
        }),
      ],
      context,
    );
    // The registration itself is accepted (no other registration holds the account), but credit stays put.
    expect(typesOf(registration.events)).toEqual([
      'DealRegistrationSubmitted',
      'DealRegistrationAccepted',
    ]);

    const payment = accepted(
      when(
        registration.state,
        cmd('RecordPayment', {
          paymentId: 'pay-2',
          amount: '100.00',
          currency: 'USD',
          revenueModel: 'monthly_subscription',
          occurredAt: day(40),
        }),
        context,
      ),
    );
    expect(typesOf(payment.events)).toEqual(['PaymentRecorded', 'CommissionEarned']);
    expect(payment.events[1]!.data).toMatchObject({
      commissionId: 'pay-2:p1',
      partnerId: 'p1',
      credit: 'sourced',
      amount: '20.00',
    });
  });
});

describe('attribution: evidence ids', () => {
  it('cites the event ids of the facts of the same command, and the same command decides the same ids', () => {
    const command = cmd('RecordTouchpoint', {
      touchpointId: 't1',
      partnerId: 'p1',
      kind: 'co_sell_intro',
      occurredAt: day(1),
    });
    const first = accepted(when(accountFrom([]), command, context));
    const again = accepted(when(accountFrom([]), command, context));

    expect(first.events.map((e) => e.eventId)).toEqual([
      eventIdFor(command.metadata.commandId, 0),
      eventIdFor(command.metadata.commandId, 1),
    ]);
    expect(first.events[1]!.data).toMatchObject({ evidence: [first.events[0]!.eventId] });
    expect(again.events).toEqual(first.events);
  });
});
