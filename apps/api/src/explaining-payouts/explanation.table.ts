import Table from 'cli-table3';
import type { ExplainedLine, PayoutExplanation } from './payout-explanation';

/**
 * An explanation as finance reads it in a terminal (`ledger explain <payoutId>`): a header naming the
 * payout, one table row per line, and the total of the lines, which is the payout's amount.
 * `--json` prints the {@link PayoutExplanation} itself instead.
 */
export function renderExplanation(explanation: PayoutExplanation): string {
  const e = explanation;
  const header = [
    `Payout ${e.payoutId}: ${e.amount} ${e.currency} to partner ${e.partnerId} (${e.status}${e.closedAt ? ` ${e.closedAt}` : ''})`,
    `Run ${e.runId} as of ${e.asOf}, minimum ${e.minimumPayout}; issued at position ${e.issued.globalPosition}` +
      (e.reference ? `; reference ${e.reference}` : ''),
  ];
  const table = new Table({
    head: [
      '#',
      'kind',
      'amount',
      'payment',
      'rule',
      'plan',
      'rate × basis',
      'rounding',
      'attribution',
      'sources (event @ position)',
    ],
    style: { head: [], border: [] },
    colAligns: ['right', 'left', 'right', 'left', 'left', 'right', 'left', 'left', 'left', 'left'],
  });
  for (const line of e.lines) table.push(row(line));
  table.push([
    { colSpan: 2, content: 'total of lines' },
    { content: e.linesTotal, hAlign: 'right' },
    { colSpan: 7, content: `= payout ${e.amount} ${e.currency}` },
  ]);
  return `${header.join('\n')}\n${table.toString()}`;
}

function row(line: ExplainedLine): string[] {
  const kind =
    line.kind === line.itemKind
      ? line.kind
      : `${line.kind} (${line.itemKind}${line.carriedFromRunId ? ` from ${line.carriedFromRunId}` : ''})`;
  return [
    String(line.lineNo),
    kind,
    line.amount,
    line.paymentId,
    line.rule,
    line.planVersion === null ? '' : `v${line.planVersion}`,
    line.rate !== null && line.basis !== null ? `${line.rate} × ${line.basis}` : '',
    line.rounding ? `${line.rounding.unrounded} → ${line.rounding.rounded} (half-even)` : '',
    line.attribution ? `${line.attribution.credit ?? ''} ${line.attribution.rule}`.trim() : '',
    line.positions
      .map((p) => `${p.type} ${p.eventId.slice(0, 8)} @ ${p.globalPosition}`)
      .join('\n'),
  ];
}
