import {
  at,
  command,
  DAY_MS,
  HOUR_MS,
  iso,
  START_MS,
  type Action,
  type ProgrammeIds,
} from './programme-actions';
import type { Step } from './programme.arbitrary';

type StepOf<K extends Step['kind']> = Extract<Step, { kind: K }>;

/**
 * Steps whose commands depend on nothing the programme did before: each becomes its commands as it
 * is, and the model states only whether the ledger must accept them.
 */
export function touchpoint(ids: ProgrammeIds, n: number, step: StepOf<'touch'>): Action[] {
  return [
    command('accepted', {
      type: 'RecordTouchpoint',
      data: {
        touchpointId: ids.of('tp', n),
        partnerId: ids.partner(step.partner),
        accountId: ids.account(step.account),
        kind: step.touch,
        occurredAt: at(step.hour),
      },
    }),
  ];
}

export function registration(ids: ProgrammeIds, n: number, step: StepOf<'register'>): Action[] {
  return [
    // Accepted or rejected (late, conflict, …) by rules the model leaves to the domain.
    command('any', {
      type: 'SubmitDealRegistration',
      data: {
        registrationId: ids.of('reg', n),
        partnerId: ids.partner(step.partner),
        accountId: ids.account(step.account),
        firstContactAt: iso(START_MS + step.hour * HOUR_MS - step.contactDaysBefore * DAY_MS),
        submittedAt: at(step.hour),
      },
    }),
  ];
}

/** An opportunity opened and won `wonAfterDays` later: contributions before it earn influence. */
export function wonOpportunity(
  ids: ProgrammeIds,
  n: number,
  step: StepOf<'opportunity'>,
): Action[] {
  const opportunityId = ids.of('opp', n);
  return [
    command('accepted', {
      type: 'OpenOpportunity',
      data: {
        opportunityId,
        accountId: ids.account(step.account),
        amount: '10000.00',
        currency: 'USD',
        openedAt: at(step.hour),
      },
    }),
    command('accepted', {
      type: 'WinOpportunity',
      data: {
        opportunityId,
        occurredAt: iso(START_MS + step.hour * HOUR_MS + step.wonAfterDays * DAY_MS),
      },
    }),
  ];
}

export function pricingViolation(
  ids: ProgrammeIds,
  n: number,
  step: StepOf<'violation'>,
): Action[] {
  return [
    // Warn, hold, remove: a removed partner's further violations are the domain's to judge.
    command('any', {
      type: 'RecordPricingViolation',
      data: {
        partnerId: ids.partner(step.partner),
        violationId: ids.of('v', n),
        occurredAt: at(step.hour),
        detail: 'advertised below MAP',
      },
    }),
  ];
}

export function disputeOpened(
  ids: ProgrammeIds,
  dispute: { disputeId: string; account: number; atMs: number },
  claimant: number,
): Action[] {
  return [
    command('accepted', {
      type: 'OpenDispute',
      data: {
        disputeId: dispute.disputeId,
        accountId: ids.account(dispute.account),
        claimantPartnerId: ids.partner(claimant),
        openedAt: iso(dispute.atMs),
        reason: 'claims to have sourced the account',
      },
    }),
  ];
}
