import {
  accountContextNeeds,
  decideAccount,
  evolveAccount,
  evolvePartner,
  evolvePlans,
  initialAccountState,
  initialPartnerState,
  initialPlanBook,
  streams,
  type AccountCommand,
  type AccountContext,
  type AccountEvent,
  type AccountState,
  type LedgerEvent,
  type PartnerState,
  type Plan,
  type PlanBook,
} from '@ledger/domain';
import { commandForFact, isAccountFact } from './fact-commands';
import { moneyEffectsOf } from './money-effects';
import { isInWindow, type SimulationWindow } from './simulation-window';

/** The events one command appended to one stream, as they stand in the global log (contiguous: one transaction). */
export interface RecordedCommand {
  streamId: string;
  /** `RecordPayment:pay_1`; undefined for events appended outside the command path. */
  commandId: string | undefined;
  events: LedgerEvent[];
}

/** A recorded command the simulation could not re-decide: the log and the domain disagree. */
export class SimulationDivergenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationDivergenceError';
  }
}

const PARTNER_PREFIX = streams.partner('');
const ACCOUNT_PREFIX = streams.account('');

/**
 * The ledger's aggregates, re-run in memory under another plan. Partner and plan streams carry no
 * money, so they are folded from the events as recorded. Every command on an account stream is
 * rebuilt from the fact it recorded and decided again by the domain's own `decideAccount`, against
 * the simulated account state, so commissions, reversals, clawbacks and dispute reassignments all
 * follow from the simulated commissions by the ledger's own rules, never by a copy of them.
 *
 * Which plan a payment is decided under: the given plan for payments whose `occurredAt` is in the
 * window (whatever the plan's own `effectiveFrom` says: the window is the question asked), and the
 * plans actually published everywhere else. Protection, payout and payout-run streams are not
 * replayed: no account decision reads them.
 *
 * Context (partners, plans) is taken as of the command's place in the global log. The ledger read it
 * just before appending, so the two agree unless a partner or plan change committed in that instant;
 * only such a race could make the shipped plan show a difference.
 */
export class SimulatedLedger {
  private readonly accounts = new Map<string, AccountState>();
  private readonly partners = new Map<string, PartnerState>();
  private publishedPlans: PlanBook = initialPlanBook();
  private readonly simulatedPlans: PlanBook;

  constructor(
    plan: Plan,
    private readonly window: SimulationWindow,
  ) {
    // In force from the window's start, so `planAt` picks it for every payment inside the window.
    this.simulatedPlans = {
      plans: [{ ...plan, effectiveFrom: window.from, eventId: null, arrival: 0 }],
    };
  }

  /** Replays one recorded command; answers the events it recorded and the events the simulation decides instead. */
  replay(command: RecordedCommand): { actual: LedgerEvent[]; simulated: LedgerEvent[] } {
    const { streamId, events } = command;
    if (streamId.startsWith(PARTNER_PREFIX)) {
      const partnerId = streamId.slice(PARTNER_PREFIX.length);
      this.partners.set(partnerId, events.reduce(evolvePartner, this.partnerState(partnerId)));
    } else if (streamId === streams.plans()) {
      this.publishedPlans = events.reduce(evolvePlans, this.publishedPlans);
    } else if (streamId.startsWith(ACCOUNT_PREFIX)) {
      return {
        actual: events,
        simulated: this.replayAccount(streamId.slice(ACCOUNT_PREFIX.length), command),
      };
    }
    return { actual: events, simulated: events };
  }

  /** The business time of a payment the simulation has seen (payments are facts: the same in both worlds). */
  paymentTime(accountId: string, paymentId: string): string | undefined {
    return this.accounts.get(accountId)?.payments.find((p) => p.paymentId === paymentId)
      ?.occurredAt;
  }

  private replayAccount(accountId: string, recorded: RecordedCommand): LedgerEvent[] {
    const state = this.accounts.get(accountId) ?? initialAccountState(accountId);
    const fact = (recorded.events as AccountEvent[]).find(isAccountFact);
    if (!fact) return this.foldAsRecorded(accountId, state, recorded);

    const command = commandForFact(fact, {
      commandId: recorded.commandId ?? `simulate:${fact.eventId}`,
    });
    const decision = decideAccount(command, state, this.contextFor(command, state));
    if (decision.kind === 'refused') {
      throw new SimulationDivergenceError(
        `${command.metadata.commandId} on ${recorded.streamId} was recorded by the ledger but the simulation refuses it (${decision.code}: ${decision.message})`,
      );
    }
    this.accounts.set(accountId, decision.events.reduce(evolveAccount, state));
    return decision.events;
  }

  /**
   * A command that recorded no fact of its own. The domain can decide one (a repeated CRM creation
   * records only the expiry of a lapsed registration), though the command path answers such a repeat
   * from its idempotency record; and events appended outside the command path may stand alone. They
   * are folded as recorded, which is exact as long as they hold no money; if they do, the log cannot
   * be re-decided and the simulation stops rather than guess.
   */
  private foldAsRecorded(
    accountId: string,
    state: AccountState,
    recorded: RecordedCommand,
  ): LedgerEvent[] {
    if (recorded.events.some((event) => moneyEffectsOf(event).length > 0)) {
      throw new SimulationDivergenceError(
        `${recorded.commandId ?? 'a command'} on ${recorded.streamId} moved money without recording a fact`,
      );
    }
    this.accounts.set(accountId, recorded.events.reduce(evolveAccount, state));
    return recorded.events;
  }

  /** The same context the ledger loads (`accountContextNeeds`), with the plan book the simulation asks for. */
  private contextFor(command: AccountCommand, state: AccountState): AccountContext {
    const { partnerIds } = accountContextNeeds(command, state);
    const partners = new Map(partnerIds.map((id) => [id, this.partnerState(id)] as const));
    const simulated =
      command.type === 'RecordPayment' && isInWindow(this.window, command.data.occurredAt);
    return { partners, plans: simulated ? this.simulatedPlans : this.publishedPlans };
  }

  private partnerState(partnerId: string): PartnerState {
    return this.partners.get(partnerId) ?? initialPartnerState(partnerId);
  }
}
