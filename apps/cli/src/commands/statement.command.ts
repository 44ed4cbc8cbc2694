import Table from 'cli-table3';
import type { Command } from 'commander';
import { streams } from '@ledger/domain/messages/events';
import { isLedgerId } from '../../../api/src/validation/field-formats';
import { normaliseInstant } from '../../../api/src/validation/instant';
import { bringReadModelsUpToDate, openReadSide } from './open-read-side';
import { partnerStatement, type PartnerStatement } from './partner-statement';

interface StatementOptions {
  asOf?: string;
  knownAt?: string;
  json?: boolean;
}

/**
 * `ledger statement <partnerId> --as-of <instant> --known-at <instant>` (SPEC §6): what the partner
 * had earned, lost and been paid by business time `asOf`, as the ledger knew it at `knownAt`. Both
 * default to now, and the statement prints the pair it used: asking again with that pair reproduces
 * it exactly, even after back-dated facts were recorded.
 */
export function registerStatement(program: Command): void {
  program
    .command('statement <partnerId>')
    .description(
      "a partner's balance per currency and its commission lines at a business time, as the ledger knew them at a ledger time",
    )
    .option('--as-of <instant>', 'business time, ISO-8601 with offset (default: now)')
    .option(
      '--known-at <instant>',
      'ledger time: only what had been recorded by then (default: now)',
    )
    .option('--json', 'print { partnerId, asOf, knownAt, balances, commissions } as JSON')
    .action(async (partnerId: string, options: StatementOptions) => {
      if (!isLedgerId(partnerId))
        throw new Error(
          `the partner id must be 1–128 characters of [A-Za-z0-9._:-], got "${partnerId}"`,
        );
      const now = new Date().toISOString();
      const at = {
        asOf: instantOption('--as-of', options.asOf) ?? now,
        knownAt: instantOption('--known-at', options.knownAt) ?? now,
      };
      if (at.knownAt > now) {
        // Facts recorded between now and then would change it: only a past knownAt is reproducible.
        console.error(
          `note: --known-at ${at.knownAt} is in the future; asked again later, this statement may differ`,
        );
      }
      const readSide = await openReadSide();
      let statement: PartnerStatement;
      try {
        const [enrolled] = await readSide.store.readStream(streams.partner(partnerId), {
          maxCount: 1,
        });
        if (enrolled === undefined) throw new Error(`no partner ${partnerId} is enrolled`);
        await bringReadModelsUpToDate(readSide);
        statement = await partnerStatement(
          readSide.readModels.db,
          readSide.readModels.schema,
          partnerId,
          at,
        );
      } finally {
        await readSide.close();
      }
      console.log(options.json ? JSON.stringify(statement, null, 2) : renderStatement(statement));
    });
}

function instantOption(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const instant = normaliseInstant(value);
  if (instant === null)
    throw new Error(`${flag} must be an ISO-8601 instant with an offset, got "${value}"`);
  return instant;
}

// Plain (no colours): statements are read in terminals, logs, tickets and e-mails alike.
const STYLE = { head: [], border: [] };

export function renderStatement(s: PartnerStatement): string {
  const lines = [
    `Statement of partner ${s.partnerId}`,
    `as of ${s.asOf} (business time), as known at ${s.knownAt} (ledger time)`,
    '',
  ];
  if (s.balances.length === 0) lines.push('No commissions in any currency.');
  else {
    const balances = new Table({
      head: ['currency', 'earned', 'reversed', 'clawed back', 'paid', 'held', 'payable', 'balance'],
      colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      style: STYLE,
    });
    for (const b of s.balances)
      balances.push([
        b.currency,
        b.earned,
        b.reversed,
        b.clawedBack,
        b.paid,
        b.held,
        b.payable,
        b.balance,
      ]);
    lines.push('Balance', balances.toString());
  }
  if (s.commissions.length > 0) {
    const commissions = new Table({
      head: [
        'commission',
        'payment',
        'account',
        'occurred',
        'basis',
        'rate',
        'amount',
        'currency',
        'rule',
        'plan',
        'outstanding',
        'paid',
        'status',
      ],
      colAligns: [
        'left',
        'left',
        'left',
        'left',
        'right',
        'right',
        'right',
        'left',
        'left',
        'right',
        'right',
        'right',
        'left',
      ],
      style: STYLE,
    });
    for (const c of s.commissions) {
      commissions.push([
        c.commissionId,
        c.paymentId,
        c.accountId,
        c.occurredAt,
        c.basis ?? '–',
        c.rate ?? '–',
        c.amount,
        c.currency,
        c.rule,
        c.planVersion === null ? '–' : `v${c.planVersion}`,
        c.outstanding,
        c.paid,
        c.status,
      ]);
    }
    lines.push('', `Commission lines (${s.commissions.length})`, commissions.toString());
  }
  return lines.join('\n');
}
