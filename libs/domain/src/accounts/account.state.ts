import type { TouchpointKind, Tier } from '../messages/vocabulary';
import type { CommissionPosition, PaymentFacts } from '../commissions/commission-position';
import { toMs } from '../shared/time';

/**
 * Where a fact sits in time: its business time (`at`), its arrival rank in the account stream
 * (`seq`, 0 for the stream's first event) and the event that recorded it. SPEC §4 breaks ties
 * between equal timestamps by arrival, so every comparison of facts uses both.
 */
export interface Moment {
  at: string;
  seq: number;
  eventId: string;
}

/** A partner's touchpoint with the account: an introduction or a contribution (see `TouchpointKind`). */
export interface TouchpointFact extends Moment {
  touchpointId: string;
  partnerId: string;
  kind: TouchpointKind;
}

/** A sales opportunity: open from `opened` until `closed` (won or lost). */
export interface OpportunityFact {
  opportunityId: string;
  amount: string;
  currency: string;
  opened: Moment;
  closed: (Moment & { outcome: 'won' | 'lost' }) | null;
}

/**
 * A deal registration and what the ledger decided about it. An accepted registration is an
 * introduction at its `submittedAt`; it protects the account until `expiresAt` unless an
 * opportunity was won first (then it never lapses).
 */
export interface RegistrationFact {
  registrationId: string;
  partnerId: string;
  firstContactAt: string;
  submitted: Moment;
  status: 'submitted' | 'accepted' | 'rejected' | 'expired';
  accepted: (Moment & { tier: Tier; expiresAt: string }) | null;
  expired: Moment | null;
}

/** A payment as the account remembers it, with its arrival rank (the first one locks the sourced partner). */
export interface PaymentFact extends PaymentFacts {
  seq: number;
}

export interface DisputeFact {
  disputeId: string;
  claimantPartnerId: string;
  opened: Moment;
  resolution: (Moment & { winnerPartnerId: string; loserPartnerIds: string[] }) | null;
}

/** The last `AttributionDecided` recorded: a new one is recorded only when this changes. */
export interface AttributionRecord {
  sourced: string | null;
  influenced: string[];
  rule: string;
  evidence: string[];
  eventId: string;
}

/**
 * Everything the ledger knows about one customer account, folded from its `account-{id}` stream
 * in arrival order. Lists are kept in arrival order.
 */
export interface AccountState {
  accountId: string;
  /** How many of the account's events were folded; the next event's `seq`. */
  arrivals: number;
  /** The latest business time among the account's events, null for a new account. */
  latestAt: string | null;
  crm: Moment | null;
  touchpoints: TouchpointFact[];
  directContacts: Moment[];
  signup: Moment | null;
  opportunities: OpportunityFact[];
  registrations: RegistrationFact[];
  payments: PaymentFact[];
  /** Every commission earned on the account (or moved to it by a dispute) and what was taken off it since. */
  commissions: CommissionPosition[];
  disputes: DisputeFact[];
  attribution: AttributionRecord | null;
}

export function initialAccountState(accountId: string): AccountState {
  return {
    accountId,
    arrivals: 0,
    latestAt: null,
    crm: null,
    touchpoints: [],
    directContacts: [],
    signup: null,
    opportunities: [],
    registrations: [],
    payments: [],
    commissions: [],
    disputes: [],
    attribution: null,
  };
}

/**
 * True when `a` happened before `b`: earlier business time, or the same instant and arrived
 * first (SPEC §4 "Deal registration" rule 5, applied to every tie on the account).
 */
export function precedes(a: Pick<Moment, 'at' | 'seq'>, b: Pick<Moment, 'at' | 'seq'>): boolean {
  const delta = toMs(a.at) - toMs(b.at);
  return delta !== 0 ? delta < 0 : a.seq < b.seq;
}
