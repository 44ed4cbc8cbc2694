import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE } from '@ledger/core';
import { streams } from '@ledger/domain';
import {
  PAYOUT_CODES,
  decideClosePayout,
  evolvePayouts,
  initialPayoutState,
  payoutKey,
  type ClosePayout,
} from '@ledger/domain/payouts';
import { handleCommand } from '@ledger/event-store/handle-command';
import type { EventStore } from '@ledger/event-store/port';
import { answerOf, type CommandAnswer } from '../commands/command-answer';
import { countCommand } from '../metrics/count-command';
import { LedgerMetrics } from '../metrics/ledger-metrics';
import { toDecisionLike, toPayoutEvent } from '../payouts/payout-decision-like';
import { RefusalException } from '../problems/refusal.exception';
import type { ClosePayoutRequest } from './close-payout.request.dto';

const PAYOUTS_STREAM_PREFIX = streams.payouts('');

/**
 * Marks a payout paid or failed (`MarkPayoutPaid:{payoutId}`, `MarkPayoutFailed:{payoutId}`). The
 * payout's lookup key names its partner's stream; the rules are `decideClosePayout`'s.
 */
@Injectable()
export class ClosePayoutService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(LedgerMetrics) private readonly metrics?: LedgerMetrics,
  ) {}

  async close(
    type: ClosePayout['type'],
    payoutId: string,
    body: ClosePayoutRequest,
    origin: { actor?: string; correlationId?: string },
  ): Promise<CommandAnswer> {
    const streamId = await this.store.lookupKey(payoutKey(payoutId));
    if (streamId === null || !streamId.startsWith(PAYOUTS_STREAM_PREFIX)) {
      throw new RefusalException({
        kind: 'refused',
        code: PAYOUT_CODES.payoutNotFound,
        field: 'id',
        message: `no payout ${payoutId} is recorded`,
      });
    }
    const partnerId = streamId.slice(PAYOUTS_STREAM_PREFIX.length);
    const commandId = `${type}:${payoutId}`;
    const data =
      body.reference === undefined
        ? { payoutId, partnerId, occurredAt: body.occurredAt }
        : { payoutId, partnerId, occurredAt: body.occurredAt, reference: body.reference };
    const command = { type, data, metadata: { commandId, actor: origin.actor } } as ClosePayout;
    const outcome = await countCommand(this.metrics, type, () =>
      handleCommand(this.store, {
        streamId,
        commandId,
        input: { payoutId, occurredAt: body.occurredAt, reference: body.reference ?? null },
        actor: origin.actor,
        correlationId: origin.correlationId,
        initialState: () => initialPayoutState(partnerId),
        evolve: (state, event) => evolvePayouts(state, toPayoutEvent(event)),
        loadContext: async () => null,
        decide: (state) => toDecisionLike(decideClosePayout(command, state)),
      }),
    );
    return answerOf(outcome);
  }
}
