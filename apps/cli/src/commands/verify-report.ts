import type { IntegrityProblem, IntegrityReport } from '@ledger/event-store/port';
import type { RowDifference, RowText } from './read-model-checksums';
import type { ReadModelVerification } from './verify-read-models';

/** What `ledger verify --json` prints. `readModels` is null with `--no-replay`. */
export interface VerifyReport {
  ok: boolean;
  integrity: IntegrityReport;
  readModels: ReadModelVerification | { ok: false; error: string } | null;
}

export function renderVerifyReport(report: VerifyReport): string {
  const { integrity, readModels } = report;
  const lines = [
    `events checked: ${integrity.eventsChecked}, seals checked: ${integrity.sealsChecked}`,
  ];
  lines.push(...integrity.problems.map(problemLine));
  lines.push(
    integrity.ok
      ? 'hash chains and seals: intact'
      : `hash chains and seals: ${integrity.problems.length} problem(s)`,
  );
  if (readModels === null) return lines.join('\n');
  if ('error' in readModels) {
    lines.push(`read models: the replay failed: ${readModels.error}`);
    return lines.join('\n');
  }
  const rows = readModels.tables.reduce((sum, t) => sum + t.liveRows, 0);
  lines.push(
    `replayed ${readModels.eventsReplayed} events into ${readModels.scratchSchema} (dropped) up to ${readModels.checkpoint}; compared ${readModels.tables.length} tables, ${rows} live rows`,
  );
  lines.push(...readModels.differences.map(differenceLine));
  const differing = readModels.tables.filter((t) => t.differingRows > 0);
  for (const t of differing) {
    lines.push(
      `table ${t.table}: ${t.differingRows} differing row(s) (live ${t.liveRows} rows, replayed ${t.replayedRows})`,
    );
  }
  lines.push(
    readModels.ok
      ? 'read models: identical to a fresh replay'
      : `read models: ${differing.length} table(s) differ from a fresh replay`,
  );
  return lines.join('\n');
}

function problemLine(p: IntegrityProblem): string {
  const where = [
    p.streamId !== undefined ? `stream ${p.streamId}` : null,
    p.streamRevision !== undefined ? `revision ${p.streamRevision}` : null,
    p.globalPosition !== undefined ? `position ${p.globalPosition}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `BROKEN ${p.kind}: ${where} — ${p.detail}`;
}

function differenceLine(d: RowDifference): string {
  const key = `${d.table} [${pairs(d.key)}]`;
  switch (d.kind) {
    case 'changed': {
      const values = d.columns.map(
        (c) => `${c}: live ${shown(d.live?.[c])}, replayed ${shown(d.replayed?.[c])}`,
      );
      return `DIFFERS ${key}: ${values.join('; ')}`;
    }
    case 'only_live':
      return `ONLY IN LIVE ${key}: ${JSON.stringify(d.live)}`;
    case 'only_replayed':
      return `MISSING FROM LIVE ${key}: replayed ${JSON.stringify(d.replayed)}`;
  }
}

function pairs(row: RowText): string {
  return Object.entries(row)
    .map(([column, value]) => `${column}=${shown(value)}`)
    .join(', ');
}

function shown(value: string | null | undefined): string {
  return value === null || value === undefined ? 'NULL' : value;
}
