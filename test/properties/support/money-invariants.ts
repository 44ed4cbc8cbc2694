import Decimal from 'decimal.js';
import { partnerBalances } from '@ledger/projections/partner-balances/partner-balance.query';
import type { PayoutFailed, PayoutIssued } from '@ledger/domain/payouts';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import type { LedgerFold } from './ledger-fold';

/** The end of time: balances "as of now, as known now" for a programme set in 2026. */
const FOREVER = { asOf: '9999-12-31T23:59:59.999Z', knownAt: '9999-12-31T23:59:59.999Z' };

export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}

function invariant(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new InvariantViolation(message());
}

export interface ReadSide {
  db: SqlQueryable;
  schema: string;
}

/**
 * SPEC §4 "Money and the journal": per currency the journal sums to zero and every event's lines
 * balance. Per partner, its accounts hold what the log says: `partner_payable` what it is owed
 * (earned − reversed − clawed back − paid), `payout_clearing` what was issued and neither marked
 * paid nor failed, `cash` what was marked paid.
 */
export async function checkJournal(read: ReadSide, fold: LedgerFold): Promise<void> {
  const table = `"${read.schema}"."journal_lines"`;
  const unbalanced = await read.db.query<{ key: string; net: string }>(
    `SELECT currency AS key, (SUM(debit) - SUM(credit))::text AS net FROM ${table} GROUP BY currency
     UNION ALL
     SELECT event_id AS key, (SUM(debit) - SUM(credit))::text AS net FROM ${table} GROUP BY event_id`,
  );
  for (const row of unbalanced)
    invariant(new Decimal(row.net).isZero(), () => `journal: ${row.key} nets to ${row.net}, not 0`);

  const rows = await read.db.query<{ key: string; credit_balance: string }>(
    `SELECT account || '/' || partner_id || '/' || currency AS key,
            (SUM(credit) - SUM(debit))::text AS credit_balance
       FROM ${table} WHERE account IN ('partner_payable', 'payout_clearing', 'cash')
      GROUP BY account, partner_id, currency`,
  );
  const posted = new Map(rows.map((r) => [r.key, new Decimal(r.credit_balance)]));
  for (const [partnerId, byCurrency] of fold.balances) {
    for (const [currency, b] of byCurrency) {
      const expected: [string, Decimal][] = [
        ['partner_payable', b.earned.minus(b.reversed).minus(b.clawedBack).minus(b.paid)],
        ['payout_clearing', b.paid.minus(b.transferred)],
        ['cash', b.transferred],
      ];
      for (const [account, wanted] of expected) {
        const key = `${account}/${partnerId}/${currency}`;
        const actual = posted.get(key) ?? new Decimal(0);
        invariant(
          actual.eq(wanted),
          () => `journal: ${key} has a credit balance of ${actual}, the log folds to ${wanted}`,
        );
        posted.delete(key);
      }
    }
  }
  for (const [key, balance] of posted)
    invariant(
      balance.isZero(),
      () => `journal: ${key} holds ${balance} with no money event in the log`,
    );
}

/**
 * Each partner's balance (the query behind `GET /v1/partners/{id}/balance`) equals the fold of the
 * log, `paid` included (issued payouts less failed ones), and its own arithmetic holds.
 */
export async function checkBalances(
  read: ReadSide,
  fold: LedgerFold,
  partnerIds: readonly string[],
): Promise<void> {
  for (const partnerId of partnerIds) {
    const rows = await partnerBalances(read.db, read.schema, partnerId, FOREVER);
    const folded = fold.balances.get(partnerId) ?? new Map();
    invariant(
      rows.map((r) => r.currency).join() === [...folded.keys()].sort().join(),
      () =>
        `balance of ${partnerId}: currencies ${rows.map((r) => r.currency)} vs log ${[...folded.keys()]}`,
    );
    for (const row of rows) {
      const expected = folded.get(row.currency)!;
      const field = (name: string, actual: string, wanted: Decimal) =>
        invariant(
          new Decimal(actual).eq(wanted),
          () =>
            `balance of ${partnerId}: ${name} ${actual} ${row.currency}, the log folds to ${wanted}`,
        );
      field('earned', row.earned, expected.earned);
      field('reversed', row.reversed, expected.reversed);
      field('clawedBack', row.clawedBack, expected.clawedBack);
      field('paid', row.paid, expected.paid);
      field(
        'balance',
        row.balance,
        expected.earned.minus(expected.reversed).minus(expected.clawedBack).minus(expected.paid),
      );
      invariant(
        new Decimal(row.held).isZero() || new Decimal(row.payable).isZero(),
        () => `balance of ${partnerId}: both held ${row.held} and payable ${row.payable}`,
      );
    }
  }
}

/** Refunds, churns and disputes never take more off a commission than it earned. */
export function checkCommissionCaps(fold: LedgerFold): void {
  for (const c of fold.commissions.values()) {
    invariant(!c.amount.isNegative(), () => `commission ${c.commissionId} earned ${c.amount}`);
    invariant(
      c.taken.lte(c.amount),
      () => `commission ${c.commissionId}: ${c.taken} taken back of ${c.amount} earned`,
    );
  }
  for (const [itemId, item] of fold.items) {
    if (fold.commissions.has(itemId)) continue;
    invariant(
      !item.amount.isPositive(),
      () => `adjustment ${itemId} gives ${item.amount.negated()} back`,
    );
  }
}

/**
 * Nothing is paid twice: walking every payout stream in order, an item is settled by at most one
 * live payout (a failed payout releases exactly its items); every line is an item of the log, of
 * that partner and currency, for exactly its amount; every payout is the sum of its lines, positive
 * and at least the run's minimum. The payout read model's settlements agree with the streams.
 */
export async function checkPayouts(read: ReadSide, fold: LedgerFold): Promise<void> {
  const settled = new Map<string, string>();
  const linesOf = new Map<string, string[]>();
  for (const event of fold.events) {
    if (event.type === 'PayoutIssued') {
      const payout = event.data as unknown as PayoutIssued['data'];
      let sum = new Decimal(0);
      for (const line of payout.lines) {
        const key = `${payout.partnerId}/${line.itemId}`;
        invariant(
          !settled.has(key),
          () =>
            `item ${line.itemId} of ${payout.partnerId} paid by ${settled.get(key)} and again by ${payout.payoutId}`,
        );
        settled.set(key, payout.payoutId);
        const item = fold.items.get(line.itemId);
        invariant(
          item !== undefined &&
            item.partnerId === payout.partnerId &&
            item.currency === payout.currency &&
            item.amount.eq(line.amount),
          () =>
            `payout ${payout.payoutId} line ${line.itemId} ${line.amount}: the log has ${JSON.stringify(item)}`,
        );
        sum = sum.plus(line.amount);
      }
      invariant(
        sum.eq(payout.amount) && sum.isPositive() && sum.gte(payout.minimumPayout),
        () =>
          `payout ${payout.payoutId}: amount ${payout.amount}, lines ${sum}, minimum ${payout.minimumPayout}`,
      );
      linesOf.set(
        payout.payoutId,
        payout.lines.map((l) => l.itemId),
      );
    }
    if (event.type === 'PayoutFailed') {
      const failed = event.data as unknown as PayoutFailed['data'];
      const issued = linesOf.get(failed.payoutId) ?? [];
      invariant(
        [...failed.releasedItemIds].sort().join() === [...issued].sort().join(),
        () =>
          `payout ${failed.payoutId} failed releasing ${failed.releasedItemIds}, it settled ${issued}`,
      );
      for (const itemId of issued) settled.delete(`${failed.partnerId}/${itemId}`);
    }
  }
  const rows = await read.db.query<{ partner_id: string; item_id: string; payout_id: string }>(
    `SELECT partner_id, item_id, payout_id FROM "${read.schema}"."payout_settlements" WHERE settled`,
  );
  const modelled = new Map(rows.map((r) => [`${r.partner_id}/${r.item_id}`, r.payout_id]));
  invariant(
    modelled.size === settled.size && [...settled].every(([k, p]) => modelled.get(k) === p),
    () => `payout read model settles ${modelled.size} items, the payout streams ${settled.size}`,
  );
}

/** A run's answer names exactly the payouts its `PayoutIssued` events record. */
export function checkRunAnswer(
  fold: LedgerFold,
  runId: string,
  reply: Record<string, unknown>,
): void {
  const answered = ((reply.payouts ?? []) as { payoutId: string; amount: string }[])
    .map((p) => `${p.payoutId}=${p.amount}`)
    .sort();
  const recorded = fold.events
    .filter((e) => e.type === 'PayoutIssued' && e.data.runId === runId)
    .map((e) => `${String(e.data.payoutId)}=${String(e.data.amount)}`)
    .sort();
  invariant(
    answered.join() === recorded.join(),
    () => `run ${runId} answered ${answered}, its PayoutIssued events are ${recorded}`,
  );
}
