/**
 * A seeded, varied programme history for replay-fidelity specs: every account command, a tier
 * change, the pricing-violation ladder, protected accounts, a plan published later, three
 * currencies, back-dated arrivals, lapsing registrations and disputes. Commands go through the real
 * application path; the ones the ledger refuses (a late registration, an unknown dispute winner…)
 * are simply not in the log, as in production. Deterministic for a given seed.
 */
import type { CommandRequest, LedgerCommands } from '@ledger/core';
import { DEFAULT_PLAN, Money, type RevenueModel, type TouchpointKind } from '@ledger/domain';
import { referralRaisedTo } from './programme-history';

const DAY_MS = 86_400_000;
const START_MS = Date.parse('2026-01-01T00:00:00.000Z');
const PARTNERS = ['s0', 's1', 's2', 's3', 's4', 's5'];
const TIERS = [
  'referral',
  'referral',
  'integration',
  'integration',
  'solution',
  'referral',
] as const;
const KINDS: TouchpointKind[] = [
  'referral_click',
  'coupon',
  'co_sell_intro',
  'demo',
  'reference',
  'case_study',
  'co_sell_meeting',
];
const MODELS: RevenueModel[] = ['monthly_subscription', 'annual_subscription', 'usage', 'outcome'];
const CURRENCIES = [
  ['USD', 2],
  ['JPY', 0],
  ['BHD', 3],
] as const;

const days = (n: number) => n * DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString();

/** mulberry32: a tiny seeded generator, so the history is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class HistoryPlan {
  private readonly planned: { atMs: number; request: CommandRequest }[] = [];
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seeded(seed);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  upTo(n: number): number {
    return Math.floor(this.random() * (n + 1));
  }

  /** The command arrives at the ledger at `arrivesMs` (its business time, unless it is late). */
  at(arrivesMs: number, request: CommandRequest): void {
    this.planned.push({ atMs: arrivesMs, request });
  }

  /** Arrival order; a stable sort keeps commands of one instant in the order they were planned. */
  inArrivalOrder(): CommandRequest[] {
    return [...this.planned].sort((a, b) => a.atMs - b.atMs).map((p) => p.request);
  }
}

export async function recordSeededHistory(
  commands: LedgerCommands,
  seed: number,
  accounts: number,
): Promise<{ accepted: number; refused: number }> {
  const history = new HistoryPlan(seed);
  planProgramme(history);
  for (let i = 0; i < accounts; i++) planAccount(history, `sa${i}`, START_MS + days(i * 2));
  let accepted = 0;
  const requests = history.inArrivalOrder();
  for (const request of requests)
    if ((await commands.execute(request)).kind === 'accepted') accepted++;
  return { accepted, refused: requests.length - accepted };
}

/** Partners, a tier change, three pricing violations (warned, held, removed), a later plan, a protected list. */
function planProgramme(h: HistoryPlan): void {
  PARTNERS.forEach((partnerId, i) => {
    const enrolledAt = iso(START_MS - days(30));
    h.at(START_MS - days(30), {
      type: 'EnrollPartner',
      data: { partnerId, name: partnerId, tier: TIERS[i]!, enrolledAt },
    });
  });
  const upgradeAt = iso(START_MS + days(60));
  h.at(START_MS + days(60), {
    type: 'ChangePartnerTier',
    data: {
      partnerId: 's1',
      changeId: 'up',
      tier: 'integration',
      effectiveAt: upgradeAt,
      reason: 'built an integration',
    },
  });
  [40, 70, 130].forEach((day, n) => {
    const data = {
      partnerId: 's5',
      violationId: `v${n + 1}`,
      occurredAt: iso(START_MS + days(day)),
      detail: 'below MAP',
    };
    h.at(START_MS + days(day), { type: 'RecordPricingViolation', data });
  });
  const effectiveFrom = iso(START_MS + days(200));
  h.at(START_MS + days(200), {
    type: 'PublishCommissionPlan',
    data: { ...referralRaisedTo('0.12'), planId: DEFAULT_PLAN.planId, effectiveFrom },
  });
  const submittedAt = iso(START_MS + days(20));
  h.at(START_MS + days(20), {
    type: 'SubmitProtectedAccounts',
    data: {
      partnerId: 's4',
      submissionId: 'q1',
      quarter: '2026-Q1',
      accountIds: ['sa1', 'sa2', 'sa3'],
      submittedAt,
    },
  });
}

/** One account's life from `t0`: introductions, contacts, registrations, an opportunity, payments and what follows them. */
function planAccount(h: HistoryPlan, accountId: string, t0: number): void {
  const [currency, decimals] = h.pick(CURRENCIES);
  // Amounts are drawn in whole minor units and written as decimal strings: no float reaches the ledger.
  const money = (minorUnits: number) =>
    new Money(minorUnits).dividedBy(10 ** decimals).toFixed(decimals);
  if (h.chance(0.6))
    h.at(t0 - days(h.chance(0.5) ? 20 : 0), {
      type: 'CreateAccountInCrm',
      data: { accountId, createdInCrmAt: iso(t0 - days(10)) },
    });
  for (let k = 0; k <= h.upTo(2); k++) {
    const occurredAt = iso(t0 + days(k * 3));
    h.at(t0 + days(k * 3), {
      type: 'RecordTouchpoint',
      data: {
        touchpointId: `${accountId}-t${k}`,
        partnerId: h.pick(PARTNERS),
        accountId,
        kind: h.pick(KINDS),
        occurredAt,
      },
    });
  }
  if (h.chance(0.6))
    h.at(t0 + days(4), {
      type: 'RecordSignup',
      data: { accountId, occurredAt: iso(t0 + days(4)) },
    });
  if (h.chance(0.3))
    h.at(t0 + days(1), {
      type: 'RecordDirectContact',
      data: { contactId: `${accountId}-dc`, accountId, occurredAt: iso(t0 + days(1)) },
    });
  for (let r = 0; r < (h.chance(0.5) ? 1 + h.upTo(1) : 0); r++) {
    const submitted = t0 + days(2 + h.upTo(17));
    const data = {
      registrationId: `${accountId}-r${r}`,
      partnerId: h.pick(PARTNERS),
      accountId,
      firstContactAt: iso(t0),
      submittedAt: iso(submitted),
    };
    h.at(submitted, { type: 'SubmitDealRegistration', data });
  }
  if (h.chance(0.5)) {
    const opportunityId = `${accountId}-o`;
    h.at(t0 + days(6), {
      type: 'OpenOpportunity',
      data: {
        opportunityId,
        accountId,
        amount: money(500_000),
        currency,
        openedAt: iso(t0 + days(6)),
      },
    });
    h.at(t0 + days(30), {
      type: h.chance(0.6) ? 'WinOpportunity' : 'LoseOpportunity',
      data: { opportunityId, occurredAt: iso(t0 + days(30)) },
    });
  }
  planPayments(h, accountId, t0, currency, money);
  if (h.chance(0.12)) {
    const disputeId = `${accountId}-d`;
    h.at(t0 + days(50), {
      type: 'OpenDispute',
      data: {
        disputeId,
        accountId,
        claimantPartnerId: h.pick(PARTNERS),
        openedAt: iso(t0 + days(50)),
        reason: 'claim',
      },
    });
    h.at(t0 + days(80), {
      type: 'ResolveDispute',
      data: {
        disputeId,
        winnerPartnerId: h.pick(PARTNERS),
        resolvedAt: iso(t0 + days(80)),
        note: 'decided',
      },
    });
  }
}

/** Up to six payments a month apart, some arriving late (back-dated), some partly refunded, and maybe a churn. */
function planPayments(
  h: HistoryPlan,
  accountId: string,
  t0: number,
  currency: string,
  money: (minorUnits: number) => string,
): void {
  const revenueModel = h.pick(MODELS);
  const payments = h.upTo(6);
  for (let p = 0; p < payments; p++) {
    const paidAt = t0 + days(35 + p * 30 + h.upTo(4));
    const paymentId = `${accountId}-p${p}`;
    const costOfRevenue = h.chance(0.3) ? { costOfRevenue: money(h.upTo(4_000)) } : {};
    const data = {
      paymentId,
      accountId,
      amount: money(10_000 + h.upTo(9_000_000)),
      currency,
      revenueModel,
      occurredAt: iso(paidAt),
      ...costOfRevenue,
    };
    h.at(h.chance(0.1) ? paidAt + days(45) : paidAt, { type: 'RecordPayment', data });
    if (h.chance(0.2))
      h.at(paidAt + days(5), {
        type: 'RecordRefund',
        data: {
          refundId: `${paymentId}-rf`,
          paymentId,
          amount: money(5_000),
          occurredAt: iso(paidAt + days(5)),
        },
      });
  }
  const churnAt = t0 + days(40 + h.upTo(100));
  if (payments > 0 && h.chance(0.25))
    h.at(churnAt, {
      type: 'RecordChurn',
      data: { churnId: `${accountId}-ch`, accountId, occurredAt: iso(churnAt) },
    });
}
