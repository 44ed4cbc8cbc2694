/**
 * Given/when/then helpers for the account aggregate. Histories are built from events with defaults
 * (a spec states only what its rule reads); event ids are readable names (`touch:t1`) so
 * expectations can cite them. `when` runs one command through `decideAccount` exactly as the
 * application does, and `replay` runs several, folding each decision's events, for histories whose
 * derived events (commissions, attribution) should come from the real rules.
 */
import { decideAccount } from '../accounts/account.decide';
import type { AccountContext } from '../accounts/account.context';
import { evolveAccount } from '../accounts/account.evolve';
import { type AccountState, initialAccountState } from '../accounts/account.state';
import type { AccountCommand } from '../messages/commands';
import type {
  AccountCreatedInCrm,
  AccountEvent,
  AttributionDecided,
  DealRegistrationAccepted,
  DealRegistrationSubmitted,
  DirectSalesContactRecorded,
  LedgerEvent,
  OpportunityLost,
  OpportunityOpened,
  OpportunityWon,
  PaymentRecorded,
  SignupRecorded,
  TouchpointRecorded,
} from '../messages/events';
import type { Tier } from '../messages/vocabulary';
import type { PartnerState } from '../partners/partner-state';
import type { PlanBook } from '../plans/plan-book';
import type { Accepted, Decision, Refusal } from '../shared/decision';
import { addDays } from '../shared/time';
import { T0, enrolledPartner, metadata, partnerMap, planBookFrom } from './partner-builders';

export const ACCOUNT = 'acc-1';

/** `T0` plus whole days and hours: `day(14)` is two weeks after `T0`. */
export function day(days: number, hours = 0): string {
  return addDays(T0, days + hours / 24);
}

// ── given: events ──────────────────────────────────────────────────────────────────────────
export function accountCreated(at = T0): AccountCreatedInCrm {
  return {
    type: 'AccountCreatedInCrm',
    eventId: `crm:${ACCOUNT}`,
    occurredAt: at,
    data: { accountId: ACCOUNT, createdInCrmAt: at },
  };
}

export function touched(
  over: Partial<TouchpointRecorded['data']> & { at?: string } = {},
): TouchpointRecorded {
  const { at, ...data } = over;
  const full = {
    touchpointId: 't1',
    partnerId: 'p1',
    accountId: ACCOUNT,
    kind: 'coupon' as const,
    ...data,
  };
  return {
    type: 'TouchpointRecorded',
    eventId: `touch:${full.touchpointId}`,
    occurredAt: at ?? T0,
    data: full,
  };
}

export function directContact(at = T0, contactId = 'c1'): DirectSalesContactRecorded {
  return {
    type: 'DirectSalesContactRecorded',
    eventId: `contact:${contactId}`,
    occurredAt: at,
    data: { contactId, accountId: ACCOUNT },
  };
}

export function signedUp(at = T0): SignupRecorded {
  return {
    type: 'SignupRecorded',
    eventId: `signup:${ACCOUNT}`,
    occurredAt: at,
    data: { accountId: ACCOUNT },
  };
}

export function opportunityOpened(
  over: Partial<OpportunityOpened['data']> & { at?: string } = {},
): OpportunityOpened {
  const { at, ...data } = over;
  const full = {
    opportunityId: 'o1',
    accountId: ACCOUNT,
    amount: '12000.00',
    currency: 'USD',
    ...data,
  };
  return {
    type: 'OpportunityOpened',
    eventId: `opened:${full.opportunityId}`,
    occurredAt: at ?? T0,
    data: full,
  };
}

export function opportunityWon(
  over: Partial<OpportunityWon['data']> & { at?: string } = {},
): OpportunityWon {
  const { at, ...data } = over;
  const full = {
    opportunityId: 'o1',
    accountId: ACCOUNT,
    amount: '12000.00',
    currency: 'USD',
    ...data,
  };
  return {
    type: 'OpportunityWon',
    eventId: `won:${full.opportunityId}`,
    occurredAt: at ?? T0,
    data: full,
  };
}

export function opportunityLost(
  over: { opportunityId?: string; at?: string } = {},
): OpportunityLost {
  const { opportunityId = 'o1', at = T0 } = over;
  return {
    type: 'OpportunityLost',
    eventId: `lost:${opportunityId}`,
    occurredAt: at,
    data: { opportunityId, accountId: ACCOUNT },
  };
}

/** A submitted and accepted registration, as the ledger records the pair. */
export function registrationAccepted(
  over: { registrationId?: string; partnerId?: string; submittedAt?: string; tier?: Tier } = {},
): [DealRegistrationSubmitted, DealRegistrationAccepted] {
  const { registrationId = 'r1', partnerId = 'p1', submittedAt = T0, tier = 'integration' } = over;
  const submitted: DealRegistrationSubmitted = {
    type: 'DealRegistrationSubmitted',
    eventId: `submitted:${registrationId}`,
    occurredAt: submittedAt,
    data: {
      registrationId,
      partnerId,
      accountId: ACCOUNT,
      firstContactAt: submittedAt,
      submittedAt,
    },
  };
  const accepted: DealRegistrationAccepted = {
    type: 'DealRegistrationAccepted',
    eventId: `accepted:${registrationId}`,
    occurredAt: submittedAt,
    data: {
      registrationId,
      partnerId,
      accountId: ACCOUNT,
      tier,
      expiresAt: addDays(submittedAt, 120),
      rule: 'registration.accepted',
      evidence: [submitted.eventId],
    },
  };
  return [submitted, accepted];
}

/** The attribution decision an earlier command recorded (only the outcome matters to later decisions). */
export function attributed(
  over: {
    sourced?: string | null;
    influenced?: string[];
    rule?: string;
    at?: string;
    eventId?: string;
  } = {},
): AttributionDecided {
  const {
    sourced = 'p1',
    influenced = [],
    rule = 'attribution.first_touch',
    at = T0,
    eventId = 'attribution:given',
  } = over;
  return {
    type: 'AttributionDecided',
    eventId,
    occurredAt: at,
    data: { accountId: ACCOUNT, sourced, influenced, rule, evidence: [] },
  };
}

export function paymentRecorded(
  over: Partial<PaymentRecorded['data']> & { at?: string } = {},
): PaymentRecorded {
  const { at, ...data } = over;
  const full = {
    paymentId: 'pay-1',
    accountId: ACCOUNT,
    amount: '1000.00',
    currency: 'USD',
    revenueModel: 'monthly_subscription' as const,
    ...data,
  };
  return {
    type: 'PaymentRecorded',
    eventId: `payment:${full.paymentId}`,
    occurredAt: at ?? T0,
    data: full,
  };
}

export function accountFrom(events: LedgerEvent[]): AccountState {
  return events.reduce(evolveAccount, initialAccountState(ACCOUNT));
}

// ── context ────────────────────────────────────────────────────────────────────────────────
/** Enrolled partners by tier (`{ p1: 'referral' }`), enrolled long before `T0`, and the default plan. */
export function contextWith(
  tiers: Record<string, Tier>,
  plans: PlanBook = planBookFrom(),
): AccountContext {
  const partners: PartnerState[] = Object.entries(tiers).map(([id, tier]) =>
    enrolledPartner(id, tier, day(-365)),
  );
  return { partners: partnerMap(...partners), plans };
}

// ── when: commands ─────────────────────────────────────────────────────────────────────────
type Data<T extends AccountCommand['type']> = Extract<AccountCommand, { type: T }>['data'];

/** An account command with the id the HTTP edge gives it (`RecordPayment:pay-1`). */
export function cmd<T extends AccountCommand['type']>(
  type: T,
  data: Omit<Data<T>, 'accountId'>,
  naturalId?: string,
): Extract<AccountCommand, { type: T }> {
  const full = { accountId: ACCOUNT, ...data } as unknown as Data<T>;
  const id = naturalId ?? firstIdOf(full as Record<string, unknown>);
  return { type, data: full, metadata: metadata(`${type}:${id}`) } as Extract<
    AccountCommand,
    { type: T }
  >;
}

function firstIdOf(data: Record<string, unknown>): string {
  const key = Object.keys(data).find((k) => k !== 'accountId' && k.endsWith('Id'));
  return String(key ? data[key] : data.accountId);
}

export function when(
  state: AccountState,
  command: AccountCommand,
  context: AccountContext,
): Decision {
  return decideAccount(command, state, context);
}

/** The accepted decision, or a test failure naming the refusal. */
export function accepted(decision: Decision): Accepted & { events: AccountEvent[] } {
  if (decision.kind === 'refused')
    throw new Error(`expected acceptance, got ${decision.code}: ${decision.message}`);
  return decision as Accepted & { events: AccountEvent[] };
}

export function refused(decision: Decision): Refusal {
  if (decision.kind !== 'refused')
    throw new Error(`expected a refusal, got ${decision.events.map((e) => e.type).join(', ')}`);
  return decision;
}

/** Runs commands in order from `state`, folding each accepted decision; throws on a refusal. */
export function replay(
  state: AccountState,
  commands: AccountCommand[],
  context: AccountContext,
): { state: AccountState; events: AccountEvent[] } {
  const events: AccountEvent[] = [];
  for (const command of commands) {
    const decision = accepted(decideAccount(command, state, context));
    events.push(...decision.events);
    state = decision.events.reduce(evolveAccount, state);
  }
  return { state, events };
}

export function typesOf(events: readonly { type: string }[]): string[] {
  return events.map((e) => e.type);
}

export function only<T extends AccountEvent['type']>(
  events: readonly AccountEvent[],
  type: T,
): Extract<AccountEvent, { type: T }>[] {
  return events.filter((e): e is Extract<AccountEvent, { type: T }> => e.type === type);
}
