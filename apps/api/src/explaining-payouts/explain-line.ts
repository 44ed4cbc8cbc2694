import { minorUnits } from '@ledger/domain/money';
import type { PayoutLine } from '@ledger/domain/payouts';
import type { RecordedEvent } from '@ledger/event-store/port';
import type {
  AttributionBehindLine,
  ExplainedLine,
  Rounding,
  SourcePosition,
} from './payout-explanation';

/** The events a payout's lines cite, by id, and each account's stream in order. */
export interface CitedEvents {
  byId: ReadonlyMap<string, RecordedEvent>;
  accountStreams: ReadonlyMap<string, readonly RecordedEvent[]>;
}

/**
 * One payout line with the facts behind it, read from the events it cites: the commission's rate,
 * basis and rounding, the attribution decision that gave the partner its credit, and where each cited
 * event sits in the ledger. Nothing is recomputed: every figure is one the ledger recorded.
 */
export function explainLine(
  line: PayoutLine,
  lineNo: number,
  currency: string,
  cited: CitedEvents,
): ExplainedLine {
  const account = cited.accountStreams.get(line.accountId) ?? [];
  const itemEvent = cited.byId.get(line.sourceEventIds[0] ?? '');
  const earned = earningOf(line.commissionId, account);
  const earnedData = earned?.data as
    | { rate?: string; basis?: string; unroundedAmount?: string; amount?: string; credit?: string }
    | undefined;
  const ownEarning =
    line.itemKind === 'commission' && earned !== undefined && earned.eventId === itemEvent?.eventId;
  return {
    lineNo,
    kind: line.kind,
    itemKind: line.itemKind,
    itemId: line.itemId,
    amount: line.amount,
    currency,
    accountId: line.accountId,
    commissionId: line.commissionId,
    paymentId: line.paymentId,
    rule: line.rule,
    planVersion: line.planVersion ?? null,
    rate: earnedData?.rate ?? null,
    basis: earnedData?.basis ?? null,
    unroundedAmount: ownEarning ? (earnedData?.unroundedAmount ?? null) : null,
    rounding: ownEarning ? roundingOf(earnedData, currency) : null,
    attribution: attributionBehind(
      itemEvent,
      earned,
      account,
      earnedData?.credit ?? null,
      cited.byId,
    ),
    carriedFromRunId: line.carriedFromRunId ?? null,
    sourceEventIds: line.sourceEventIds,
    positions: line.sourceEventIds.flatMap((id) => {
      const event = cited.byId.get(id);
      return event ? [positionOf(event)] : [];
    }),
  };
}

export function positionOf(event: RecordedEvent): SourcePosition {
  return {
    eventId: event.eventId,
    type: event.type,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    globalPosition: event.globalPosition.toString(),
    transactionId: event.transactionId.toString(),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
  };
}

/**
 * The `CommissionEarned` a line's commission descends from. A dispute's winner holds
 * `{commissionId}:dispute:{disputeId}`: its rate and basis are those of the original earning.
 */
function earningOf(
  commissionId: string,
  account: readonly RecordedEvent[],
): RecordedEvent | undefined {
  const root = commissionId.split(':dispute:')[0];
  return account.find((e) => e.type === 'CommissionEarned' && e.data.commissionId === root);
}

function roundingOf(
  data: { unroundedAmount?: string; amount?: string } | undefined,
  currency: string,
): Rounding | null {
  if (data?.unroundedAmount === undefined || data.amount === undefined) return null;
  return {
    mode: 'half_even',
    minorUnits: minorUnits(currency),
    unrounded: data.unroundedAmount,
    rounded: data.amount,
  };
}

/**
 * The attribution decision an event of the line cites as evidence (the item's own event first), or
 * else the last one recorded on the account before the commission was earned.
 */
function attributionBehind(
  itemEvent: RecordedEvent | undefined,
  earned: RecordedEvent | undefined,
  account: readonly RecordedEvent[],
  credit: string | null,
  byId: ReadonlyMap<string, RecordedEvent>,
): AttributionBehindLine | null {
  const evidence = [itemEvent, earned].flatMap((e) =>
    e !== undefined && Array.isArray(e.data.evidence) ? (e.data.evidence as string[]) : [],
  );
  const cited = evidence.map((id) => byId.get(id)).find((e) => e?.type === 'AttributionDecided');
  const anchor = (earned ?? itemEvent)?.streamRevision ?? Number.POSITIVE_INFINITY;
  const decision =
    cited ??
    [...account]
      .reverse()
      .find((e) => e.type === 'AttributionDecided' && e.streamRevision < anchor);
  if (!decision) return null;
  const sourced = decision.data.sourced;
  return {
    eventId: decision.eventId,
    rule: typeof decision.data.rule === 'string' ? decision.data.rule : '',
    sourcedPartnerId: typeof sourced === 'string' ? sourced : null,
    credit,
  };
}
