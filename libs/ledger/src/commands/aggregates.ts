import {
  accountContextNeeds,
  decideAccount,
  decidePartner,
  decidePlans,
  evolveAccount,
  evolvePartner,
  evolvePlans,
  initialAccountState,
  initialPartnerState,
  initialPlanBook,
  streams,
  type AccountCommand,
  type Decision,
  type LedgerCommand,
  type LedgerEvent,
  type PartnerCommand,
  type PlanCommand,
  type ProtectionCommand,
} from '@ledger/domain';
// Protection is imported from its module: the domain's index does not re-export it (yet).
import {
  decideProtection,
  evolveProtection,
  initialProtectionState,
  protectionContextNeeds,
} from '@ledger/domain/protection';
import type { ContextSource } from './context-source';

/**
 * One consistency boundary of the domain, as the generic write path needs it: which stream holds
 * it, how its state starts and folds, which other facts its decisions read, and the pure `decide`.
 */
export interface Aggregate<C extends LedgerCommand, S, X> {
  streamOf(command: C): string;
  initial(command: C): S;
  evolve(state: S, event: LedgerEvent): S;
  loadContext(command: C, state: S, source: ContextSource): Promise<X>;
  decide(command: C, state: S, context: X): Decision;
}

/** An aggregate with its types forgotten, so one table can hold all four. */
export type AnyAggregate = Aggregate<LedgerCommand, unknown, unknown>;

/**
 * The routing table guarantees each aggregate only ever receives its own command types, which the
 * type system cannot see through a lookup by `command.type`; this is the one place that says so.
 */
function erase<C extends LedgerCommand, S, X>(aggregate: Aggregate<C, S, X>): AnyAggregate {
  return aggregate as unknown as AnyAggregate;
}

const partner: Aggregate<PartnerCommand, ReturnType<typeof initialPartnerState>, null> = {
  streamOf: (command) => streams.partner(command.data.partnerId),
  initial: (command) => initialPartnerState(command.data.partnerId),
  evolve: evolvePartner,
  loadContext: async () => null,
  decide: (command, state) => decidePartner(command, state),
};

const plans: Aggregate<PlanCommand, ReturnType<typeof initialPlanBook>, null> = {
  streamOf: () => streams.plans(),
  initial: () => initialPlanBook(),
  evolve: evolvePlans,
  loadContext: async () => null,
  decide: (command, book) => decidePlans(command, book),
};

type ProtectionState = ReturnType<typeof initialProtectionState>;
type ProtectionContext = Parameters<typeof decideProtection>[2];

const protection: Aggregate<ProtectionCommand, ProtectionState, ProtectionContext> = {
  streamOf: () => streams.protection(),
  initial: () => initialProtectionState(),
  evolve: evolveProtection,
  loadContext: async (command, state, source) => {
    const needs = protectionContextNeeds(command, state);
    const [partners, accountHistories] = await Promise.all([
      source.partners(needs.partnerIds),
      source.accountHistories(needs.accountIds),
    ]);
    return { partners, accountHistories };
  },
  decide: decideProtection,
};

type AccountState = ReturnType<typeof initialAccountState>;
type AccountContext = Parameters<typeof decideAccount>[2];

const account: Aggregate<AccountCommand, AccountState, AccountContext> = {
  streamOf: (command) => streams.account(command.data.accountId),
  initial: (command) => initialAccountState(command.data.accountId),
  evolve: evolveAccount,
  loadContext: async (command, state, source) => {
    const needs = accountContextNeeds(command, state);
    return source.partnersAndPlans(needs.partnerIds);
  },
  decide: decideAccount,
};

export const AGGREGATES = {
  partner: erase(partner),
  plans: erase(plans),
  protection: erase(protection),
  account: erase(account),
} as const;

export type AggregateName = keyof typeof AGGREGATES;
