import { Money } from '@ledger/domain/money';
import type { ProjectedEvent, Projection, RowOp } from '../projection';
import { dataOf } from '../runner/event-data';

/**
 * The double-entry journal (SPEC §4 "Money and the journal"): every money event posts lines that
 * balance, so per currency the debits always equal the credits.
 *
 * Accounts:
 * - `commission_expense`: what the programme costs (debit on earning);
 * - `commission_reversals`, `commission_clawbacks`: contra-expense, credited when a refund or a churn
 *   takes a commission back;
 * - `partner_payable` (per partner): what the programme owes the partner. Earning credits it; a
 *   reversal or clawback debits it; a dispute moves it from the loser to the winner. When clawbacks
 *   exceed what is still owed (the commission was already paid), the partner's payable turns to a
 *   debit balance: that debit is the clawback receivable, offset against later commissions.
 * - `payout_clearing` (per partner): money on its way to the partner. A payout's issue moves its
 *   amount from `partner_payable` to it; the transfer's success moves it on to `cash`, its failure
 *   back to `partner_payable` (the payout's items are payable again).
 * - `cash`: the programme's money, credited when a payout reaches the partner.
 *
 * Commission postings name their commission (`commission_id`), payout postings their payout
 * (`payout_id`, with an empty `commission_id`: a payout settles many commissions).
 *
 * A projection sees one event at a time, so it cannot know whether a commission was paid; the
 * receivable is therefore read from the payable account's sign, not posted to an account of its own.
 */
export const JOURNAL_LINES = 'journal_lines';

export const journalProjection: Projection = {
  name: 'journal',
  // 2: payout postings and the `payout_id` column.
  version: 2,
  tables: [JOURNAL_LINES],
  ddl: (schema) => [
    `CREATE TABLE "${schema}"."${JOURNAL_LINES}" (
      event_id text NOT NULL,
      line_no integer NOT NULL,
      account text NOT NULL,
      partner_id text NOT NULL,
      currency text NOT NULL,
      debit numeric NOT NULL CHECK (debit >= 0),
      credit numeric NOT NULL CHECK (credit >= 0),
      event_type text NOT NULL,
      commission_id text NOT NULL,
      payout_id text,
      occurred_at text NOT NULL,
      recorded_at text NOT NULL,
      position bigint NOT NULL,
      PRIMARY KEY (event_id, line_no),
      CHECK (debit = 0 OR credit = 0))`,
    `CREATE INDEX journal_lines_partner_idx ON "${schema}"."${JOURNAL_LINES}" (partner_id, occurred_at)`,
  ],
  eventTypes: [
    'CommissionEarned',
    'CommissionReversed',
    'CommissionClawedBack',
    'CommissionReassigned',
    'PayoutIssued',
    'PayoutMarkedPaid',
    'PayoutFailed',
  ],
  eventKeyedTables: [JOURNAL_LINES],
  evolve: evolveJournal,
};

interface Posting {
  debit: { account: string; partnerId: string };
  credit: { account: string; partnerId: string };
  commissionId: string;
  payoutId: string | null;
  amount: string;
  currency: string;
}

export function evolveJournal(event: ProjectedEvent): RowOp[] {
  const posting = postingOf(event);
  if (posting === null || new Money(posting.amount).isZero()) return [];
  return [
    journalLine(event, posting, 1, posting.debit, posting.amount, '0'),
    journalLine(event, posting, 2, posting.credit, '0', posting.amount),
  ];
}

function postingOf(event: ProjectedEvent): Posting | null {
  switch (event.type) {
    case 'CommissionEarned': {
      const d = dataOf(event, 'CommissionEarned');
      return posting(
        d,
        { account: 'commission_expense', partnerId: d.partnerId },
        { account: 'partner_payable', partnerId: d.partnerId },
      );
    }
    case 'CommissionReversed': {
      const d = dataOf(event, 'CommissionReversed');
      return posting(
        d,
        { account: 'partner_payable', partnerId: d.partnerId },
        { account: 'commission_reversals', partnerId: d.partnerId },
      );
    }
    case 'CommissionClawedBack': {
      const d = dataOf(event, 'CommissionClawedBack');
      return posting(
        d,
        { account: 'partner_payable', partnerId: d.partnerId },
        { account: 'commission_clawbacks', partnerId: d.partnerId },
      );
    }
    case 'CommissionReassigned': {
      const d = dataOf(event, 'CommissionReassigned');
      return posting(
        d,
        { account: 'partner_payable', partnerId: d.fromPartnerId },
        { account: 'partner_payable', partnerId: d.toPartnerId },
      );
    }
    case 'PayoutIssued': {
      const d = dataOf(event, 'PayoutIssued');
      return payoutPosting(d, 'partner_payable', 'payout_clearing');
    }
    case 'PayoutMarkedPaid': {
      const d = dataOf(event, 'PayoutMarkedPaid');
      return payoutPosting(d, 'payout_clearing', 'cash');
    }
    case 'PayoutFailed': {
      // The entry reversed: the money never left, the partner is owed it again.
      const d = dataOf(event, 'PayoutFailed');
      return payoutPosting(d, 'payout_clearing', 'partner_payable');
    }
    default:
      return null;
  }
}

function posting(
  data: { commissionId: string; amount: string; currency: string },
  debit: Posting['debit'],
  credit: Posting['credit'],
): Posting {
  return {
    debit,
    credit,
    commissionId: data.commissionId,
    payoutId: null,
    amount: data.amount,
    currency: data.currency,
  };
}

function payoutPosting(
  data: { payoutId: string; partnerId: string; amount: string; currency: string },
  debitAccount: string,
  creditAccount: string,
): Posting {
  return {
    debit: { account: debitAccount, partnerId: data.partnerId },
    credit: { account: creditAccount, partnerId: data.partnerId },
    commissionId: '',
    payoutId: data.payoutId,
    amount: data.amount,
    currency: data.currency,
  };
}

function journalLine(
  event: ProjectedEvent,
  posting: Posting,
  lineNo: number,
  side: { account: string; partnerId: string },
  debit: string,
  credit: string,
): RowOp {
  return {
    kind: 'insert',
    table: JOURNAL_LINES,
    key: ['event_id', 'line_no'],
    row: {
      event_id: event.eventId,
      line_no: lineNo,
      account: side.account,
      partner_id: side.partnerId,
      currency: posting.currency,
      debit,
      credit,
      event_type: event.type,
      commission_id: posting.commissionId,
      payout_id: posting.payoutId,
      occurred_at: event.occurredAt,
      recorded_at: event.recordedAt,
      position: event.globalPosition.toString(),
    },
  };
}
