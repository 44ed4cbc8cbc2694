import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@ledger/core';
import { streams } from '@ledger/domain';
import { formatExact, sumAmounts } from '@ledger/domain/money';
import { PAYOUT_CODES, payoutKey, type PayoutIssued } from '@ledger/domain/payouts';
import type { EventStore, RecordedEvent } from '@ledger/event-store/port';
import { RefusalException } from '../problems/refusal.exception';
import { explainLine, positionOf, type CitedEvents } from './explain-line';
import type { PayoutExplanation } from './payout-explanation';

/**
 * `GET /v1/payouts/{id}/explanation` and `ledger explain <payoutId>`: every line of a payout with the
 * facts behind it, read straight from the store (the payout stream, and the account, partner and plan
 * streams its lines cite), so an explanation never depends on a read model being current.
 */
@Injectable()
export class ExplainPayoutService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The partner a payout was issued to, or null for an unknown payout (for access checks). */
  async partnerOf(payoutId: string): Promise<string | null> {
    const streamId = await this.store.lookupKey(payoutKey(payoutId));
    const prefix = streams.payouts('');
    return streamId?.startsWith(prefix) ? streamId.slice(prefix.length) : null;
  }

  async explain(payoutId: string): Promise<PayoutExplanation> {
    const partnerId = await this.partnerOf(payoutId);
    const history =
      partnerId === null ? [] : await this.store.readStream(streams.payouts(partnerId));
    const issued = history.find((e) => e.type === 'PayoutIssued' && e.data.payoutId === payoutId);
    if (!issued)
      throw new RefusalException({
        kind: 'refused',
        code: PAYOUT_CODES.payoutNotFound,
        field: 'id',
        message: `no payout ${payoutId} is recorded`,
      });
    const data = issued.data as unknown as PayoutIssued['data'];
    const closing = history.find(
      (e) =>
        (e.type === 'PayoutMarkedPaid' || e.type === 'PayoutFailed') &&
        e.data.payoutId === payoutId,
    );

    const cited = await this.citedEvents(data);
    const lines = data.lines.map((line, index) =>
      explainLine(line, index + 1, data.currency, cited),
    );
    return {
      payoutId,
      runId: data.runId,
      partnerId: data.partnerId,
      currency: data.currency,
      amount: data.amount,
      asOf: data.asOf,
      minimumPayout: data.minimumPayout,
      status:
        closing === undefined ? 'issued' : closing.type === 'PayoutMarkedPaid' ? 'paid' : 'failed',
      closedAt: closing?.occurredAt ?? null,
      reference: typeof closing?.data.reference === 'string' ? closing.data.reference : null,
      issued: positionOf(issued),
      lines,
      linesTotal: formatExact(sumAmounts(lines.map((line) => line.amount)), data.currency),
    };
  }

  /**
   * The streams a payout's lines cite: their accounts, the partner (tiers) and the plans, read in
   * one go (a large payout cites dozens of accounts).
   */
  private async citedEvents(data: PayoutIssued['data']): Promise<CitedEvents> {
    const accountIds = [...new Set(data.lines.map((line) => line.accountId))];
    const read = await this.store.readStreams([
      ...accountIds.map((id) => streams.account(id)),
      streams.partner(data.partnerId),
      streams.plans(),
    ]);
    const byId = new Map<string, RecordedEvent>();
    for (const event of [...read.values()].flat()) byId.set(event.eventId, event);
    const accountStreams = new Map(
      accountIds.map((id) => [id, read.get(streams.account(id))!] as const),
    );
    return { byId, accountStreams };
  }
}
