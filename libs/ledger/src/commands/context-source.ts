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

/**
 * Read-only facts a decision needs from streams other than its own. They are read after the own
 * stream was folded and are not part of the optimistic-concurrency check: a partner's tier or a plan
 * is as of the read, exactly like any other fact that arrives a moment later.
 */
export class ContextSource {
  constructor(private readonly store: EventStore) {}

  async partners(partnerIds: readonly string[]): Promise<ReadonlyMap<string, PartnerState>> {
    const unique = [...new Set(partnerIds)];
    const states = await Promise.all(
      unique.map(async (partnerId) => {
        const history = await this.history(streams.partner(partnerId));
        return [partnerId, history.reduce(evolvePartner, initialPartnerState(partnerId))] as const;
      }),
    );
    return new Map(states);
  }

  async plans(): Promise<PlanBook> {
    const history = await this.history(streams.plans());
    return history.reduce(evolvePlans, initialPlanBook());
  }

  async accountHistories(
    accountIds: readonly string[],
  ): Promise<ReadonlyMap<string, LedgerEvent[]>> {
    const unique = [...new Set(accountIds)];
    const histories = await Promise.all(
      unique.map(
        async (accountId) => [accountId, await this.history(streams.account(accountId))] as const,
      ),
    );
    return new Map(histories);
  }

  private async history(streamId: string): Promise<LedgerEvent[]> {
    return (await this.store.readStream(streamId)).map(toLedgerEvent);
  }
}
