import { Money, type LedgerEvent } from '@ledger/domain';

/**
 * What one event does to the commission cost of one partner in one currency: a commission earned
 * adds to it; a refund's reversal and a churn's clawback take from it; a dispute's reassignment
 * takes from the loser and adds the same amount to the winner. `paymentId` ties the effect to the
 * payment it is about, which decides whether it falls in a simulation's window.
 */
export interface MoneyEffect {
  partnerId: string;
  currency: string;
  paymentId: string;
  accountId: string;
  /** Signed: negative when money leaves the partner. */
  amount: Money;
}

export function moneyEffectsOf(event: LedgerEvent): MoneyEffect[] {
  switch (event.type) {
    case 'CommissionEarned':
      return [effect(event.data, event.data.partnerId, new Money(event.data.amount))];
    case 'CommissionReversed':
    case 'CommissionClawedBack':
      return [effect(event.data, event.data.partnerId, new Money(event.data.amount).negated())];
    case 'CommissionReassigned': {
      const moved = new Money(event.data.amount);
      return [
        effect(event.data, event.data.fromPartnerId, moved.negated()),
        effect(event.data, event.data.toPartnerId, moved),
      ];
    }
    default:
      return [];
  }
}

function effect(
  data: { currency: string; paymentId: string; accountId: string },
  partnerId: string,
  amount: Money,
): MoneyEffect {
  return {
    partnerId,
    currency: data.currency,
    paymentId: data.paymentId,
    accountId: data.accountId,
    amount,
  };
}

/**
 * Net commission cost per partner and currency. Sums of stored (already rounded) amounts are
 * exact, so nothing is rounded here.
 */
export class MoneyTally {
  private readonly totals = new Map<
    string,
    { partnerId: string; currency: string; amount: Money }
  >();

  add(effect: Pick<MoneyEffect, 'partnerId' | 'currency' | 'amount'>): void {
    const key = JSON.stringify([effect.partnerId, effect.currency]);
    const current = this.totals.get(key);
    if (current) current.amount = current.amount.plus(effect.amount);
    else
      this.totals.set(key, {
        partnerId: effect.partnerId,
        currency: effect.currency,
        amount: effect.amount,
      });
  }

  amountOf(partnerId: string, currency: string): Money {
    return this.totals.get(JSON.stringify([partnerId, currency]))?.amount ?? new Money(0);
  }

  /** Every partner and currency that saw any effect, even one that nets to zero. */
  keys(): { partnerId: string; currency: string }[] {
    return [...this.totals.values()].map(({ partnerId, currency }) => ({ partnerId, currency }));
  }
}
