import Decimal from 'decimal.js';
import type { EventStore, RecordedEvent } from '@ledger/event-store/port';

/** Sums of one partner in one currency, folded from the log alone. */
export interface FoldedBalance {
  earned: Decimal;
  reversed: Decimal;
  clawedBack: Decimal;
  /** Issued payouts less failed ones (docs/decisions.md: paid from its issue until a failure). */
  paid: Decimal;
  /** Payouts finance marked paid: the money left. */
  transferred: Decimal;
}

/** One commission (earned, or moved to a dispute's winner) and what was taken off it since. */
export interface FoldedCommission {
  commissionId: string;
  partnerId: string;
  currency: string;
  amount: Decimal;
  /** Reversals, clawbacks and reassignments away. */
  taken: Decimal;
}

/** A money item a payout may settle, as the log defines it (docs/decisions.md, "Payouts"). */
export interface FoldedItem {
  partnerId: string;
  currency: string;
  commissionId: string;
  /** Positive for commissions, negative for adjustments. */
  amount: Decimal;
}

/** What the log says, independently of every read model. */
export interface LedgerFold {
  events: RecordedEvent[];
  balances: Map<string, Map<string, FoldedBalance>>;
  commissions: Map<string, FoldedCommission>;
  /** By item id: the commission id for commissions, the deciding event's id for adjustments. */
  items: Map<string, FoldedItem>;
}

export async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let page = await store.readAll({ limit: 1000 });
  while (page.events.length > 0) {
    events.push(...page.events);
    page = await store.readAll({ after: page.checkpoint, limit: 1000 });
  }
  return events;
}

interface MoneyData {
  commissionId: string;
  partnerId: string;
  amount: string;
  currency: string;
}

/** Folds the log in commit order into balances, commissions and payable items. */
export function foldLedger(events: RecordedEvent[]): LedgerFold {
  const fold: LedgerFold = {
    events,
    balances: new Map(),
    commissions: new Map(),
    items: new Map(),
  };
  for (const event of events) applyEvent(fold, event);
  return fold;
}

function applyEvent(fold: LedgerFold, event: RecordedEvent): void {
  const data = event.data as unknown as MoneyData & Record<string, unknown>;
  switch (event.type) {
    case 'CommissionEarned':
      earn(fold, data.commissionId, data.partnerId, data.currency, data.amount);
      return;
    case 'CommissionReversed':
      take(fold, event, data, 'reversed');
      return;
    case 'CommissionClawedBack':
      take(fold, event, data, 'clawedBack');
      return;
    case 'CommissionReassigned': {
      const from = String(data.fromPartnerId);
      take(fold, event, { ...data, partnerId: from }, 'reversed');
      earn(
        fold,
        String(data.newCommissionId),
        String(data.toPartnerId),
        data.currency,
        data.amount,
      );
      return;
    }
    case 'PayoutIssued': {
      const balance = balanceOf(fold, data.partnerId, data.currency);
      balance.paid = balance.paid.plus(data.amount);
      return;
    }
    case 'PayoutFailed': {
      const balance = balanceOf(fold, data.partnerId, data.currency);
      balance.paid = balance.paid.minus(data.amount);
      return;
    }
    case 'PayoutMarkedPaid': {
      const balance = balanceOf(fold, data.partnerId, data.currency);
      balance.transferred = balance.transferred.plus(data.amount);
      return;
    }
    default:
      return;
  }
}

function earn(
  fold: LedgerFold,
  commissionId: string,
  partnerId: string,
  currency: string,
  amount: string,
): void {
  if (fold.commissions.has(commissionId))
    throw new Error(`commission ${commissionId} was earned twice`);
  const value = new Decimal(amount);
  fold.commissions.set(commissionId, {
    commissionId,
    partnerId,
    currency,
    amount: value,
    taken: new Decimal(0),
  });
  fold.items.set(commissionId, { partnerId, currency, commissionId, amount: value });
  const balance = balanceOf(fold, partnerId, currency);
  balance.earned = balance.earned.plus(value);
}

function take(
  fold: LedgerFold,
  event: RecordedEvent,
  data: MoneyData,
  field: 'reversed' | 'clawedBack',
): void {
  const value = new Decimal(data.amount);
  const commission = fold.commissions.get(data.commissionId);
  if (!commission)
    throw new Error(
      `${event.type} ${event.eventId} takes from unknown commission ${data.commissionId}`,
    );
  commission.taken = commission.taken.plus(value);
  fold.items.set(event.eventId, {
    partnerId: data.partnerId,
    currency: data.currency,
    commissionId: data.commissionId,
    amount: value.negated(),
  });
  const balance = balanceOf(fold, data.partnerId, data.currency);
  balance[field] = balance[field].plus(value);
}

function balanceOf(fold: LedgerFold, partnerId: string, currency: string): FoldedBalance {
  let byCurrency = fold.balances.get(partnerId);
  if (!byCurrency) fold.balances.set(partnerId, (byCurrency = new Map()));
  let balance = byCurrency.get(currency);
  if (!balance) {
    const zero = new Decimal(0);
    byCurrency.set(
      currency,
      (balance = { earned: zero, reversed: zero, clawedBack: zero, paid: zero, transferred: zero }),
    );
  }
  return balance;
}
