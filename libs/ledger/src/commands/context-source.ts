import {
  evolvePartner,
  evolvePlans,
  initialPartnerState,
  initialPlanBook,
  streams,
  type LedgerEvent,
  type PartnerState,
  type PlanBook,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store/port';
import { toLedgerEvent } from './to-ledger-event';

/** What {@link ContextSource.partnersAndPlans} answers: the partners named and the plan book. */
export interface PartnersAndPlans {
  partners: ReadonlyMap<string, PartnerState>;
  plans: PlanBook;
}

/**
 * Read-only facts a decision needs from streams other than its own. They are read after the own
 * stream was folded and are not part of the optimistic-concurrency check: a partner's tier or a plan
 * is as of the read, exactly like any other fact that arrives a moment later. Several streams are
 * read in one store call ({@link EventStore.readStreams}), so a decision citing many of them costs
 * one round trip.
 */
export class ContextSource {
  constructor(private readonly store: EventStore) {}

  async partners(partnerIds: readonly string[]): Promise<ReadonlyMap<string, PartnerState>> {
    const unique = [...new Set(partnerIds)];
    return partnerStates(unique, await this.histories(unique.map((id) => streams.partner(id))));
  }

  async plans(): Promise<PlanBook> {
    const history = (await this.store.readStream(streams.plans())).map(toLedgerEvent);
    return history.reduce(evolvePlans, initialPlanBook());
  }

  /** {@link partners} and {@link plans} in one read. */
  async partnersAndPlans(partnerIds: readonly string[]): Promise<PartnersAndPlans> {
    const unique = [...new Set(partnerIds)];
    const histories = await this.histories([
      ...unique.map((id) => streams.partner(id)),
      streams.plans(),
    ]);
    return {
      partners: partnerStates(unique, histories),
      plans: histories.get(streams.plans())!.reduce(evolvePlans, initialPlanBook()),
    };
  }

  async accountHistories(
    accountIds: readonly string[],
  ): Promise<ReadonlyMap<string, LedgerEvent[]>> {
    const unique = [...new Set(accountIds)];
    const histories = await this.histories(unique.map((id) => streams.account(id)));
    return new Map(unique.map((id) => [id, histories.get(streams.account(id))!] as const));
  }

  /** Each stream's events as ledger events, by stream id. */
  private async histories(streamIds: readonly string[]): Promise<Map<string, LedgerEvent[]>> {
    const read = await this.store.readStreams(streamIds);
    return new Map([...read].map(([id, events]) => [id, events.map(toLedgerEvent)] as const));
  }
}

function partnerStates(
  partnerIds: readonly string[],
  histories: ReadonlyMap<string, LedgerEvent[]>,
): Map<string, PartnerState> {
  return new Map(
    partnerIds.map((id) => [
      id,
      histories.get(streams.partner(id))!.reduce(evolvePartner, initialPartnerState(id)),
    ]),
  );
}
