import { eventIdFor } from '../shared/ids';
import {
  ACCOUNT,
  accepted,
  accountFrom,
  attributed,
  cmd,
  contextWith,
  day,
  directContact,
  opportunityOpened,
  opportunityWon,
  refused,
  registrationAccepted,
  replay,
  typesOf,
  when,
} from '../testing/account-builders';

const context = contextWith({
  p1: 'integration',
  p2: 'integration',
  ref: 'referral',
  sol: 'solution',
});

function register(
  registrationId: string,
  partnerId: string,
  submittedAt: string,
  firstContactAt = submittedAt,
) {
  return cmd('SubmitDealRegistration', { registrationId, partnerId, firstContactAt, submittedAt });
}

const id = (commandId: string, index: number) => eventIdFor(commandId, index);

describe('deal registration: the 14-day window', () => {
  it('accepts a registration submitted 14 whole days (and 23 hours) after first contact', () => {
    const command = register('r1', 'p1', day(14, 23), day(0));
    const decision = accepted(when(accountFrom([]), command, context));
    const c = command.metadata.commandId;

    expect(typesOf(decision.events)).toEqual([
      'DealRegistrationSubmitted',
      'DealRegistrationAccepted',
      'AttributionDecided',
    ]);
    expect(decision.events[1]).toEqual({
      type: 'DealRegistrationAccepted',
      eventId: id(c, 1),
      occurredAt: day(14, 23),
      data: {
        registrationId: 'r1',
        partnerId: 'p1',
        accountId: ACCOUNT,
        tier: 'integration',
        expiresAt: day(134, 23),
        rule: 'registration.accepted',
        evidence: [id(c, 0), 'enrolled:p1'],
      },
    });
    expect(decision.reply).toEqual({ status: 'accepted' });
  });

  it('rejects as late on day 15, recording the submission and the rejection but no attribution', () => {
    const command = register('r1', 'p1', day(15), day(0));
    const decision = accepted(when(accountFrom([]), command, context));
    const c = command.metadata.commandId;

    expect(typesOf(decision.events)).toEqual([
      'DealRegistrationSubmitted',
      'DealRegistrationRejected',
    ]);
    expect(decision.events[1]!.data).toEqual({
      registrationId: 'r1',
      partnerId: 'p1',
      accountId: ACCOUNT,
      reason: 'late',
      rule: 'registration.late',
      evidence: [id(c, 0)],
    });
    expect(decision.reply).toEqual({ status: 'rejected', reason: 'late' });
  });

  it('refuses a partner that is not enrolled, recording nothing', () => {
    const refusal = refused(when(accountFrom([]), register('r1', 'ghost', day(1)), context));
    expect(refusal).toMatchObject({ code: 'partner.not_found', field: 'partnerId' });
  });
});

describe('deal registration: conflicts', () => {
  it('rejects a second partner while the first registration is active, naming the winner and its timestamp', () => {
    const given = accountFrom([
      ...registrationAccepted({ registrationId: 'r1', partnerId: 'p1', submittedAt: day(10, 6) }),
      attributed({ sourced: 'p1', rule: 'attribution.registered_deal' }),
    ]);
    const decision = accepted(when(given, register('r2', 'p2', day(20)), context));

    const winner = { partnerId: 'p1', registrationId: 'r1', acceptedAt: day(10, 6) };
    expect(typesOf(decision.events)).toEqual([
      'DealRegistrationSubmitted',
      'DealRegistrationRejected',
    ]);
    expect(decision.events[1]!.data).toMatchObject({
      reason: 'conflict',
      rule: 'registration.conflict',
      winner,
    });
    expect(decision.events[1]!.data).toMatchObject({
      evidence: [decision.events[0]!.eventId, 'accepted:r1'],
    });
    expect(decision.reply).toEqual({ status: 'rejected', reason: 'conflict', winner });
  });

  it('breaks a tie between equal timestamps by arrival: the first to arrive wins', () => {
    const { events } = replay(
      accountFrom([]),
      [register('r1', 'p2', day(3)), register('r2', 'p1', day(3))],
      context,
    );
    expect(typesOf(events)).toEqual([
      'DealRegistrationSubmitted',
      'DealRegistrationAccepted',
      'AttributionDecided',
      'DealRegistrationSubmitted',
      'DealRegistrationRejected',
    ]);
    expect(events[4]!.data).toMatchObject({
      partnerId: 'p1',
      reason: 'conflict',
      winner: { partnerId: 'p2', registrationId: 'r1', acceptedAt: day(3) },
    });
  });
});

describe('deal registration: direct contact first', () => {
  const given = accountFrom([directContact(day(5))]);

  it('rejects a referral-tier registration submitted at the instant of a direct-sales contact', () => {
    const decision = accepted(when(given, register('r1', 'ref', day(5)), context));
    expect(decision.events[1]!.data).toMatchObject({
      reason: 'direct_contact_first',
      rule: 'registration.direct_contact_first',
      evidence: [decision.events[0]!.eventId, 'enrolled:ref', 'contact:c1'],
    });
    expect(decision.reply).toEqual({ status: 'rejected', reason: 'direct_contact_first' });
  });

  it('accepts a referral-tier registration submitted before the direct contact', () => {
    const decision = accepted(when(given, register('r1', 'ref', day(4, 23)), context));
    expect(decision.reply).toEqual({ status: 'accepted' });
  });

  it.each(['p1', 'sol'])(
    'protects an %s (integration/solution) registration within 14 days',
    (partnerId) => {
      const decision = accepted(when(given, register('r1', partnerId, day(6), day(1)), context));
      expect(typesOf(decision.events).slice(0, 2)).toEqual([
        'DealRegistrationSubmitted',
        'DealRegistrationAccepted',
      ]);
      expect(decision.reply).toEqual({ status: 'accepted' });
    },
  );
});

describe('deal registration: expiry and re-registration', () => {
  const first = accountFrom([
    ...registrationAccepted({ registrationId: 'r1', partnerId: 'p1', submittedAt: day(0) }),
    attributed({ sourced: 'p1', rule: 'attribution.registered_deal' }),
  ]);

  it('is still active one hour before 120 days have passed', () => {
    const decision = accepted(when(first, register('r2', 'p2', day(119, 23)), context));
    expect(typesOf(decision.events)).toEqual([
      'DealRegistrationSubmitted',
      'DealRegistrationRejected',
    ]);
  });

  it('expires at 120 days: the expiry is recorded first, dated when it took effect, and the new registration wins', () => {
    const command = register('r2', 'p2', day(130));
    const decision = accepted(when(first, command, context));
    const c = command.metadata.commandId;

    expect(typesOf(decision.events)).toEqual([
      'DealRegistrationExpired',
      'DealRegistrationSubmitted',
      'DealRegistrationAccepted',
      'AttributionDecided',
    ]);
    expect(decision.events[0]).toEqual({
      type: 'DealRegistrationExpired',
      eventId: id(c, 0),
      occurredAt: day(120),
      data: {
        registrationId: 'r1',
        partnerId: 'p1',
        accountId: ACCOUNT,
        rule: 'registration.expired',
        evidence: ['accepted:r1'],
      },
    });
    expect(decision.events[3]!.data).toMatchObject({
      sourced: 'p2',
      rule: 'attribution.registered_deal',
    });
  });

  it('records the expiry before any later command, not only registrations', () => {
    const command = cmd('RecordDirectContact', { contactId: 'c9', occurredAt: day(200) });
    const decision = accepted(when(first, command, context));
    expect(typesOf(decision.events)).toEqual([
      'DealRegistrationExpired',
      'DirectSalesContactRecorded',
      'AttributionDecided',
    ]);
    // Still sourced by its introduction, but no longer by an active registration.
    expect(decision.events[2]!.data).toMatchObject({
      sourced: 'p1',
      rule: 'attribution.first_touch',
      evidence: ['accepted:r1'],
    });
  });

  it('does not expire when an opportunity was won before the expiry', () => {
    const given = accountFrom([
      ...registrationAccepted({ registrationId: 'r1', partnerId: 'p1', submittedAt: day(0) }),
      attributed({ sourced: 'p1', rule: 'attribution.registered_deal' }),
      opportunityOpened({ at: day(1) }),
      opportunityWon({ at: day(119) }),
    ]);
    const decision = accepted(when(given, register('r2', 'p2', day(200)), context));
    expect(typesOf(decision.events)).toEqual([
      'DealRegistrationSubmitted',
      'DealRegistrationRejected',
    ]);
    expect(decision.reply).toMatchObject({ reason: 'conflict' });
  });

  it('lets the partner re-register once; the third registration is rejected as over the limit', () => {
    const second = replay(first, [register('r2', 'p1', day(125))], context);
    expect(typesOf(second.events)).toEqual([
      'DealRegistrationExpired',
      'DealRegistrationSubmitted',
      'DealRegistrationAccepted',
    ]);

    const command = register('r3', 'p1', day(250));
    const third = accepted(when(second.state, command, context));
    expect(typesOf(third.events)).toEqual([
      'DealRegistrationExpired',
      'DealRegistrationSubmitted',
      'DealRegistrationRejected',
      'AttributionDecided',
    ]);
    expect(third.events[0]!.data).toMatchObject({ registrationId: 'r2' });
    expect(third.events[2]!.data).toMatchObject({
      reason: 'reregistration_limit',
      evidence: [id(command.metadata.commandId, 1), 'accepted:r1', second.events[2]!.eventId],
    });
    expect(third.reply).toEqual({ status: 'rejected', reason: 'reregistration_limit' });
  });

  it('rejects the same partner while its own registration is active as a conflict (checked before the limit)', () => {
    const decision = accepted(when(first, register('r2', 'p1', day(30)), context));
    expect(decision.reply).toEqual({
      status: 'rejected',
      reason: 'conflict',
      winner: { partnerId: 'p1', registrationId: 'r1', acceptedAt: day(0) },
    });
  });
});
