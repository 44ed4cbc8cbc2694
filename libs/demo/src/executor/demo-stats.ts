import type { LedgerEvent } from '@ledger/domain';
import { INTRODUCTION_KINDS, type Tier } from '@ledger/domain/messages/vocabulary';
import { Money } from '@ledger/domain/money';
import { nominalUsd } from '../profile/demo-currencies';

/** What a demo recorded, counted from the ledger's own decisions (not from the generator's plans). */
export interface DemoFigures {
  commands: number;
  events: number;
  refusals: Record<string, number>;
  commandsByType: Record<string, number>;
  eventsByType: Record<string, number>;
  partners: { enrolled: number; byTier: Record<Tier, number>; onboarded: number; activated: number; performing: number };
  accounts: number;
  payments: { count: number; byCurrency: Record<string, { count: number; amount: string }> };
  /**
   * Partner-sourced revenue: each payment counted for the partner the ledger's attribution names as
   * sourced when it is recorded. `topFifthShare` is the share of that revenue (in nominal USD, see
   * `nominalUsd`) earned by the top 20% of the partners who have any.
   */
  sourcedRevenue: { partners: number; topFifthShare: number | null };
  businessTime: { from: string | null; to: string | null };
}

/** A partner counts as performing with this many accounts first sourced to it in one quarter (seed: "3+ referrals per quarter"). */
const PERFORMING_REFERRALS = 3;

/** Counts a demo's commands and events as they are decided. */
export class DemoStats {
  private commands = 0;
  private events = 0;
  private readonly refusals = new Map<string, number>();
  private readonly commandsByType = new Map<string, number>();
  private readonly eventsByType = new Map<string, number>();
  private readonly tiers: Record<Tier, number> = { referral: 0, integration: 0, solution: 0 };
  private readonly activated = new Set<string>();
  private readonly sourcedAccounts = new Set<string>();
  private readonly referralsPerQuarter = new Map<string, number>();
  private readonly performing = new Set<string>();
  private readonly paymentsByCurrency = new Map<string, { count: number; amount: Money }>();
  private readonly sourcedUsd = new Map<string, Money>();
  private from: string | null = null;
  private to: string | null = null;

  command(type: string, at: string, refusedCode?: string): void {
    this.commands++;
    bump(this.commandsByType, type);
    if (refusedCode !== undefined) bump(this.refusals, refusedCode);
    this.from ??= at;
    this.to = at;
  }

  /** Events one accepted command recorded; `sourced` is the account's sourced partner after a payment. */
  recorded(events: readonly LedgerEvent[], sourced: string | null = null): void {
    this.events += events.length;
    for (const event of events) {
      bump(this.eventsByType, event.type);
      this.observe(event, sourced);
    }
  }

  get eventCount(): number {
    return this.events;
  }

  figures(): DemoFigures {
    const count = (type: string) => this.eventsByType.get(type) ?? 0;
    const byCurrency = Object.fromEntries(
      [...this.paymentsByCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([c, p]) => [c, { count: p.count, amount: p.amount.toFixed() }]),
    );
    return {
      commands: this.commands,
      events: this.events,
      refusals: Object.fromEntries(this.refusals),
      commandsByType: Object.fromEntries(this.commandsByType),
      eventsByType: Object.fromEntries(this.eventsByType),
      partners: {
        enrolled: count('PartnerEnrolled'),
        byTier: { ...this.tiers },
        onboarded: count('PartnerOnboarded'),
        activated: this.activated.size,
        performing: this.performing.size,
      },
      accounts: count('AccountCreatedInCrm'),
      payments: { count: count('PaymentRecorded'), byCurrency },
      sourcedRevenue: { partners: this.sourcedUsd.size, topFifthShare: topFifthShare([...this.sourcedUsd.values()]) },
      businessTime: { from: this.from, to: this.to },
    };
  }

  private observe(event: LedgerEvent, sourced: string | null): void {
    switch (event.type) {
      case 'PartnerEnrolled':
        this.tiers[event.data.tier]++;
        break;
      case 'TouchpointRecorded':
        if (INTRODUCTION_KINDS.includes(event.data.kind)) this.activated.add(event.data.partnerId);
        break;
      case 'DealRegistrationAccepted':
        this.activated.add(event.data.partnerId);
        break;
      case 'AttributionDecided':
        if (event.data.sourced !== null) this.firstSourced(event.data.sourced, event.data.accountId, event.occurredAt);
        break;
      case 'PaymentRecorded': {
        const { currency, amount } = event.data;
        const entry = this.paymentsByCurrency.get(currency) ?? { count: 0, amount: new Money(0) };
        this.paymentsByCurrency.set(currency, { count: entry.count + 1, amount: entry.amount.plus(amount) });
        if (sourced !== null) this.sourcedUsd.set(sourced, (this.sourcedUsd.get(sourced) ?? new Money(0)).plus(nominalUsd(amount, currency)));
        break;
      }
      default:
        break;
    }
  }

  /** A referral, dated when the ledger first names the partner sourced for the account. */
  private firstSourced(partnerId: string, accountId: string, at: string): void {
    const pair = `${partnerId}\u0000${accountId}`;
    if (this.sourcedAccounts.has(pair)) return;
    this.sourcedAccounts.add(pair);
    const d = new Date(at);
    const key = `${partnerId}\u0000${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    const n = (this.referralsPerQuarter.get(key) ?? 0) + 1;
    this.referralsPerQuarter.set(key, n);
    if (n >= PERFORMING_REFERRALS) this.performing.add(partnerId);
  }
}

/** Share of the total held by the largest 20% of the values (at least one value), 4 decimals. */
export function topFifthShare(values: readonly Money[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => b.comparedTo(a));
  const total = sorted.reduce((sum, v) => sum.plus(v), new Money(0));
  if (total.isZero()) return null;
  const top = sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 5))).reduce((sum, v) => sum.plus(v), new Money(0));
  return top.div(total).toDecimalPlaces(4).toNumber();
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
