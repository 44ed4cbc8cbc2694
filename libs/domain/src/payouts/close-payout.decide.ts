import type { ClosePayout } from '../messages/payout-commands';
import type { PayoutFailed, PayoutMarkedPaid } from '../messages/payout-events';
import { assertNever, refuse } from '../shared/decision';
import { eventIdFor } from '../shared/ids';
import { toMs } from '../shared/time';
import type { PayoutDecision } from './payout.decision';
import { PAYOUT_CODES } from './payout.rules';
import { payoutOf, type PayoutRecord, type PayoutState } from './payout.state';

/**
 * Closes an issued payout as paid or failed (SPEC §5 `POST /v1/payouts/{id}/paid` · `/failed`).
 * Guards in precedence order: the payout exists, it is still open, and the close is not dated before
 * the run's `asOf`. A failed payout releases every item it settled: they are payable again.
 */
export function decideClosePayout(
  command: ClosePayout,
  state: PayoutState,
): PayoutDecision<PayoutMarkedPaid | PayoutFailed> {
  const { payoutId, occurredAt, reference } = command.data;
  const payout = payoutOf(state, payoutId);
  if (!payout)
    return refuse(PAYOUT_CODES.payoutNotFound, `no payout ${payoutId} is recorded`, 'id');
  if (payout.status !== 'issued') {
    return refuse(
      PAYOUT_CODES.alreadyClosed,
      `payout ${payoutId} is already ${payout.status}`,
      undefined,
      { status: payout.status },
    );
  }
  if (toMs(occurredAt) < toMs(payout.asOf)) {
    return refuse(
      PAYOUT_CODES.closedBeforeIssue,
      `payout ${payoutId} was issued as of ${payout.asOf}; it cannot close before that`,
      'occurredAt',
    );
  }

  const eventId = eventIdFor(command.metadata.commandId, 0);
  const common = {
    payoutId,
    runId: payout.runId,
    partnerId: state.partnerId,
    currency: payout.currency,
    amount: payout.amount,
  };
  const withReference = reference === undefined ? common : { ...common, reference };
  switch (command.type) {
    case 'MarkPayoutPaid':
      return accepted(
        { type: 'PayoutMarkedPaid', eventId, occurredAt, data: withReference },
        payout,
        'paid',
      );
    case 'MarkPayoutFailed':
      return accepted(
        {
          type: 'PayoutFailed',
          eventId,
          occurredAt,
          data: { ...withReference, releasedItemIds: payout.itemIds },
        },
        payout,
        'failed',
      );
    default:
      return assertNever(command);
  }
}

function accepted<E extends PayoutMarkedPaid | PayoutFailed>(
  event: E,
  payout: PayoutRecord,
  status: 'paid' | 'failed',
): PayoutDecision<E> {
  return {
    kind: 'accepted',
    events: [event],
    reply: { status, payoutId: payout.payoutId, currency: payout.currency, amount: payout.amount },
  };
}
