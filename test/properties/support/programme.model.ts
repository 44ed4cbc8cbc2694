import type { PayoutRunTerms } from '@ledger/domain/payouts';
import {
  disputeOpened,
  pricingViolation,
  registration,
  touchpoint,
  wonOpportunity,
} from './fact-steps';
import {
  amountOf,
  at,
  command,
  DAY_MS,
  ENROLLED_AT,
  HOUR_MS,
  iso,
  ProgrammeIds,
  START_MS,
  type Action,
} from './programme-actions';
import {
  ACCOUNTS,
  PARTNERS,
  type Currency,
  type PayoutClosing,
  type Programme,
  type Step,
} from './programme.arbitrary';

export type { Action, Expectation } from './programme-actions';

type StepOf<K extends Step['kind']> = Extract<Step, { kind: K }>;

interface PaymentModel {
  paymentId: string;
  account: number;
  currency: Currency;
  atMs: number;
  /** Minor units still refundable. */
  remainingMinor: number;
}

/**
 * The model of a programme: which entities exist, so each generated step becomes a command that
 * names real things, and what the ledger must answer where the rule is simple enough to state here
 * (a refund beyond what is left is refused; a payment, a touchpoint, a churn are recorded). It never
 * computes commissions: the invariants check the ledger against its own log instead.
 */
export class ProgrammeModel {
  private readonly ids: ProgrammeIds;
  private readonly payments: PaymentModel[] = [];
  private readonly openDisputes: { disputeId: string; account: number; atMs: number }[] = [];
  private readonly payouts: { payoutId: string; asOfMs: number; closed: boolean }[] = [];
  private readonly signedUp = new Set<number>();
  private readonly inCrm = new Set<number>();
  private serial = 0;

  constructor(
    /** Prefixes every id, so that two programmes can share one ledger without meeting. */
    readonly prefix: string,
    private readonly programme: Pick<Programme, 'tiers' | 'introductions'>,
  ) {
    this.ids = new ProgrammeIds(prefix);
  }

  partnerIds(): string[] {
    return Array.from({ length: PARTNERS }, (_, i) => this.ids.partner(i));
  }

  /** Enrols every partner, then records each account's introduction. */
  setUp(): Action[] {
    const enrolments = this.programme.tiers.map((tier, i) =>
      command('accepted', {
        type: 'EnrollPartner',
        data: {
          partnerId: this.ids.partner(i),
          name: `Partner ${i}`,
          tier,
          enrolledAt: ENROLLED_AT,
        },
      }),
    );
    const introductions = this.programme.introductions.flatMap((intro, account) =>
      intro === null ? [] : this.plan({ kind: 'touch', account, ...intro }),
    );
    return [...enrolments, ...introductions];
  }

  /** The commands of one step; none when it names something that does not exist yet. */
  plan(step: Step): Action[] {
    const n = ++this.serial;
    switch (step.kind) {
      case 'crm':
        return this.once(this.inCrm, step.account, () =>
          command('accepted', {
            type: 'CreateAccountInCrm',
            data: { accountId: this.ids.account(step.account), createdInCrmAt: at(step.hour) },
          }),
        );
      case 'signup':
        return this.once(this.signedUp, step.account, () =>
          command('accepted', {
            type: 'RecordSignup',
            data: { accountId: this.ids.account(step.account), occurredAt: at(step.hour) },
          }),
        );
      case 'touch':
        return touchpoint(this.ids, n, step);
      case 'register':
        return registration(this.ids, n, step);
      case 'opportunity':
        return wonOpportunity(this.ids, n, step);
      case 'violation':
        return pricingViolation(this.ids, n, step);
      case 'pay':
        return [this.payment(step, n)];
      case 'refund':
        return this.refund(step, n);
      case 'churn':
        return this.churn(step, n);
      case 'openDispute':
        return this.openDispute(step, n);
      case 'resolveDispute':
        return this.resolveDispute(step);
      case 'payoutRun': {
        const run = this.payoutRun(step, n);
        return step.thenClose ? [run, { kind: 'closePayout', closing: step.thenClose }] : [run];
      }
      case 'closePayout':
        return [{ kind: 'closePayout', closing: step }];
    }
  }

  /** Learns the payouts a run issued, so later steps can close them. */
  observePayoutRun(terms: PayoutRunTerms, reply: Record<string, unknown>): void {
    for (const { payoutId } of (reply.payouts ?? []) as { payoutId: string }[])
      this.payouts.push({ payoutId, asOfMs: Date.parse(terms.asOf), closed: false });
  }

  /** Account facts recorded once per account: the same id again with another time is a 409. */
  private once(done: Set<number>, account: number, action: () => Action): Action[] {
    if (done.has(account % ACCOUNTS)) return [];
    done.add(account % ACCOUNTS);
    return [action()];
  }

  private payment(step: StepOf<'pay'>, n: number): Action {
    const paymentId = this.ids.of('pay', n);
    const atMs = START_MS + step.hour * HOUR_MS;
    const account = step.account % ACCOUNTS;
    this.payments.push({
      paymentId,
      account,
      currency: step.currency,
      atMs,
      remainingMinor: step.minor,
    });
    return command('accepted', {
      type: 'RecordPayment',
      data: {
        paymentId,
        accountId: this.ids.account(account),
        amount: amountOf(step.minor, step.currency),
        currency: step.currency,
        revenueModel: step.model,
        occurredAt: iso(atMs),
      },
    });
  }

  private refund(step: StepOf<'refund'>, n: number): Action[] {
    if (this.payments.length === 0) return [];
    const payment = this.payments[step.payment % this.payments.length]!;
    const minor = Math.max(1, Math.floor((payment.remainingMinor * step.percent) / 100));
    const fits = minor <= payment.remainingMinor;
    if (fits) payment.remainingMinor -= minor;
    return [
      command(fits ? 'accepted' : { refused: 'refund.exceeds_payment' }, {
        type: 'RecordRefund',
        data: {
          refundId: this.ids.of('ref', n),
          paymentId: payment.paymentId,
          amount: amountOf(minor, payment.currency),
          occurredAt: iso(payment.atMs + step.afterHours * HOUR_MS),
        },
      }),
    ];
  }

  private churn(step: StepOf<'churn'>, n: number): Action[] {
    const payment = this.payments[step.payment % Math.max(1, this.payments.length)];
    return [
      command('accepted', {
        type: 'RecordChurn',
        data: {
          churnId: this.ids.of('churn', n),
          accountId: this.ids.account(payment?.account ?? 0),
          occurredAt: iso((payment?.atMs ?? START_MS) + step.afterDays * DAY_MS),
        },
      }),
    ];
  }

  private openDispute(step: StepOf<'openDispute'>, n: number): Action[] {
    // Over an account that paid, so that a resolution has commissions to move.
    const payment = this.payments[step.payment % Math.max(1, this.payments.length)];
    const dispute = {
      disputeId: this.ids.of('dsp', n),
      account: payment?.account ?? 0,
      atMs: (payment?.atMs ?? START_MS) + step.afterHours * HOUR_MS,
    };
    this.openDisputes.push(dispute);
    const opened = disputeOpened(this.ids, dispute, step.claimant);
    if (!step.resolution) return opened;
    const resolve = { dispute: this.openDisputes.length - 1, ...step.resolution };
    return [...opened, ...this.resolveDispute(resolve)];
  }

  private resolveDispute(step: Omit<StepOf<'resolveDispute'>, 'kind'>): Action[] {
    if (this.openDisputes.length === 0) return [];
    const [dispute] = this.openDisputes.splice(step.dispute % this.openDisputes.length, 1);
    return [
      command('accepted', {
        type: 'ResolveDispute',
        data: {
          disputeId: dispute!.disputeId,
          winnerPartnerId: this.ids.partner(step.winner),
          resolvedAt: iso(dispute!.atMs + step.afterHours * HOUR_MS),
          note: 'resolved by the partner manager',
        },
      }),
    ];
  }

  private payoutRun(step: StepOf<'payoutRun'>, n: number): Action {
    const asOf = `2026-${String(step.month).padStart(2, '0')}-01T00:00:00.000Z`;
    return {
      kind: 'payoutRun',
      terms: { runId: this.ids.of('run', n), asOf, minimumPayout: step.minimum },
    };
  }

  /** The payout a closing step closes now, and how; null when none is open. */
  closeTarget(closing: PayoutClosing): {
    type: 'MarkPayoutPaid' | 'MarkPayoutFailed';
    payoutId: string;
    occurredAt: string;
  } | null {
    const open = this.payouts.filter((p) => !p.closed);
    if (open.length === 0) return null;
    const payout = open[closing.payout % open.length]!;
    payout.closed = true;
    return {
      type: closing.outcome === 'paid' ? 'MarkPayoutPaid' : 'MarkPayoutFailed',
      payoutId: payout.payoutId,
      // Closed a few days after the run: never before the payout was issued.
      occurredAt: iso(payout.asOfMs + 3 * DAY_MS),
    };
  }
}
