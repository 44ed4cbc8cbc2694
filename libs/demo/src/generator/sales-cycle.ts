import type { TouchpointKind } from '@ledger/domain/messages/vocabulary';
import { priceIn } from '../profile/demo-currencies';
import { nowIso, timeline, until, type Customer, type DemoWorld } from './demo-world';
import { DAY_MS, HOUR_MS, send, type Emission } from './journey';
import { pickActivePartner, tierAt, type RosterPartner } from './partner-roster';

/** A fact that happens at some point of a sales cycle, built when its time comes. */
export interface TimedFact {
  at: number;
  emit: () => Emission[];
}

const CONTRIBUTIONS: readonly TouchpointKind[] = ['demo', 'reference', 'case_study', 'co_sell_meeting'];

/**
 * An opportunity from opening to won or lost. Cycles are log-normal around eight weeks (a few run
 * past the 120 days a registration protects a deal). `during` adds the deal's own side facts;
 * independently, another partner sometimes helps close it (a demo, a reference…: influenced credit)
 * or introduces the account while the opportunity is open (also influenced, never sourced).
 * Returns whether the deal was won.
 */
export function* salesCycle(
  w: DemoWorld,
  c: Customer,
  winRate: number,
  during: (openedAt: number, closeAt: number) => TimedFact[] = () => [],
): Generator<Emission, boolean, void> {
  const r = w.random;
  const opportunityId = c.ids.next('opp');
  const openedAt = w.clock.now;
  yield send('OpenOpportunity', {
    opportunityId,
    accountId: c.accountId,
    amount: priceIn(c.currency, c.monthlyUsd * 12),
    currency: c.currency,
    openedAt: nowIso(w),
  });
  const won = r.chance(winRate);
  const closeAt = openedAt + Math.min(330, Math.max(7, r.logNormal(55, 0.6))) * DAY_MS;
  yield* timeline(w, [...during(openedAt, closeAt), ...partnerHelp(w, c, openedAt, closeAt)]);
  yield until(w, closeAt);
  yield send(won ? 'WinOpportunity' : 'LoseOpportunity', { opportunityId, occurredAt: nowIso(w) });
  return won;
}

function partnerHelp(w: DemoWorld, c: Customer, openedAt: number, closeAt: number): TimedFact[] {
  const r = w.random;
  const chance = w.profile.rare.partnerContribution;
  const facts: TimedFact[] = [];
  const helper = r.chance(chance)
    ? pickActivePartner(w.activePartners, r, openedAt, (p) => tierAt(p, openedAt) !== 'referral', c.owner?.partnerId)
    : null;
  if (helper) {
    const kind = r.pick(CONTRIBUTIONS);
    facts.push({ at: inCycle(w, openedAt, closeAt), emit: () => [touchpoint(w, c, helper, kind)] });
  }
  const introducer = r.chance(chance / 4) ? pickActivePartner(w.activePartners, r, openedAt, () => true, c.owner?.partnerId) : null;
  if (introducer) facts.push({ at: inCycle(w, openedAt, closeAt), emit: () => [touchpoint(w, c, introducer, 'co_sell_intro')] });
  return facts;
}

/** An instant strictly inside the cycle, so side facts never follow the close. */
export function inCycle(w: DemoWorld, openedAt: number, closeAt: number): number {
  return openedAt + HOUR_MS + w.random.next() * Math.max(0, closeAt - openedAt - 2 * HOUR_MS);
}

export function touchpoint(w: DemoWorld, c: Customer, partner: RosterPartner, kind: TouchpointKind, source?: string): Emission {
  return send('RecordTouchpoint', {
    touchpointId: c.ids.next('tp'),
    partnerId: partner.partnerId,
    accountId: c.accountId,
    kind,
    occurredAt: nowIso(w),
    ...(source === undefined ? {} : { source }),
  });
}

export function registration(w: DemoWorld, c: Customer, partner: RosterPartner, firstContactAt: number): Emission {
  return send('SubmitDealRegistration', {
    registrationId: c.ids.next('reg'),
    partnerId: partner.partnerId,
    accountId: c.accountId,
    firstContactAt: new Date(Math.min(firstContactAt, w.clock.now)).toISOString(),
    submittedAt: nowIso(w),
  });
}

export function createdInCrm(w: DemoWorld, c: Customer): Emission {
  return send('CreateAccountInCrm', { accountId: c.accountId, createdInCrmAt: nowIso(w) });
}

export function directContact(w: DemoWorld, c: Customer): Emission {
  return send('RecordDirectContact', { contactId: c.ids.next('dc'), accountId: c.accountId, occurredAt: nowIso(w) });
}

export function signup(w: DemoWorld, c: Customer): Emission {
  return send('RecordSignup', { accountId: c.accountId, occurredAt: nowIso(w) });
}
