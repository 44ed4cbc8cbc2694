import Table from 'cli-table3';

/**
 * The one table `npm run bench` ends with: a row per suite and store, built from the JSON lines the
 * suites returned (never from figures written down here), with each suite's same-run baseline, the
 * ratio to it, and whether the targets the issues set are met. Printed for the terminal and as
 * Markdown for docs/benchmarks.md.
 */

/** One JSON line a suite printed: `suite`, `store` and its figures. */
type BenchLine = Record<string, unknown>;

/** A bound one figure of a line must keep: `field` < `limit` (`below`) or ≥ `limit` (`atLeast`). */
interface Target {
  label: string;
  field: string;
  below?: number;
  atLeast?: number;
  unit?: string;
  /** The stores the target is set for; every store when absent. */
  stores?: readonly string[];
}

interface SuiteFigures {
  /** The line's headline figure, and what it is. */
  figure: { field: string; label: string };
  /** The same-run baseline it is compared with, and what it is. */
  baseline: { field: string; label: string };
  /** The line's ratio; computed as figure / baseline when the line has none. */
  ratioField?: string;
  targets: readonly Target[];
}

/** A target the issue sets for PostgreSQL only. */
const onPostgres = (target: Target): Target => ({ ...target, stores: ['postgres'] });

/** The suites in the order `npm run bench` runs them, and how each one's line reads in the table. */
export const SUITE_FIGURES = {
  append: {
    figure: { field: 'eventsPerSecond', label: 'events/s' },
    baseline: { field: 'baselineEventsPerSecond', label: 'events/s, bare INSERT' },
    ratioField: 'ratio',
    targets: [{ label: 'ratio', field: 'ratio', atLeast: 0.7 }].map(onPostgres),
  },
  commands: {
    figure: { field: 'commandsPerSecond', label: 'commands/s' },
    baseline: { field: 'baselinePerSecond', label: 'INSERTs/s' },
    ratioField: 'ratio',
    targets: [
      { label: 'ratio', field: 'ratio', atLeast: 0.4 },
      { label: 'p99', field: 'p99Ms', below: 25, unit: ' ms' },
    ].map(onPostgres),
  },
  rebuild: {
    figure: { field: 'eventsPerSecond', label: 'events/s' },
    baseline: { field: 'baselineReadEventsPerSecond', label: 'events/s, plain read' },
    ratioField: 'ratio',
    targets: [
      { label: 'events/s', field: 'eventsPerSecond', atLeast: 100_000 },
      { label: 'peak RSS', field: 'peakRssMb', below: 512, unit: ' MB' },
    ].map(onPostgres),
  },
  explain: {
    // The slower of explanation and statement; the baseline is the floor any request pays.
    figure: { field: 'p99Ms', label: 'ms p99, explanation or statement' },
    baseline: { field: 'healthP99Ms', label: 'ms p99, GET /health' },
    targets: [
      { label: 'explanation p99', field: 'explainP99Ms', below: 50, unit: ' ms' },
      { label: 'statement p99', field: 'statementP99Ms', below: 50, unit: ' ms' },
      { label: 'timeline p99', field: 'timelineP99Ms', below: 20, unit: ' ms' },
      { label: 'balance p99', field: 'balanceP99Ms', below: 20, unit: ' ms' },
    ].map(onPostgres),
  },
} satisfies Record<string, SuiteFigures>;

export type SuiteName = keyof typeof SUITE_FIGURES;

/** What one suite handed back, and the machine's 1-minute load average when it finished. */
export interface SuiteRun {
  suite: SuiteName;
  lines: readonly unknown[];
  load: number;
}

const HEAD = [
  'suite',
  'store',
  'figure',
  'baseline',
  'ratio',
  'target',
  'met',
  'p50 ms',
  'p99 ms',
  'peak RSS MB',
  'load',
];

const TEXT_COLUMNS = new Set(['suite', 'store', 'target', 'met']);

/** The rows of the table, one per line, as text cells. */
export function figureRows(runs: readonly SuiteRun[]): string[][] {
  return runs.flatMap((run) =>
    run.lines.map((raw) => {
      const line = raw as BenchLine;
      const figures: SuiteFigures = SUITE_FIGURES[run.suite];
      const store = String(line.store);
      const figure = numberOf(line, figures.figure.field);
      const baseline = numberOf(line, figures.baseline.field);
      const ratio =
        figures.ratioField !== undefined
          ? numberOf(line, figures.ratioField)
          : figure !== undefined && baseline !== undefined && baseline > 0
            ? Number((figure / baseline).toFixed(3))
            : undefined;
      const targets = figures.targets.filter((t) => t.stores?.includes(store) ?? true);
      return [
        run.suite,
        store,
        withLabel(figure, figures.figure.label),
        withLabel(baseline, figures.baseline.label),
        format(ratio, 3),
        targets.map(targetText).join(', ') || '—',
        verdict(line, targets),
        format(numberOf(line, 'p50Ms')),
        format(numberOf(line, 'p99Ms')),
        format(numberOf(line, 'peakRssMb')),
        format(run.load, 2),
      ];
    }),
  );
}

/** The table for a terminal. */
export function terminalTable(rows: readonly string[][]): string {
  const table = new Table({
    head: HEAD,
    style: { head: [], border: [] },
    // Figures, targets and verdicts can be long (explain has four targets): wrapped, so the table
    // fits a terminal.
    colWidths: [null, null, 24, 24, null, 28, 24, null, null, null, null],
    wordWrap: true,
    // Text columns (suite, store, target, verdict) to the left, figures to the right.
    colAligns: HEAD.map((column) => (TEXT_COLUMNS.has(column) ? 'left' : 'right')),
  });
  table.push(...rows);
  return table.toString();
}

/** The same table in Markdown, to paste into docs/benchmarks.md. */
export function markdownTable(rows: readonly string[][]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(HEAD), line(HEAD.map(() => '---')), ...rows.map(line)].join('\n');
}

function numberOf(line: BenchLine, field: string): number | undefined {
  const value = line[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function format(value: number | undefined, fractionDigits = 1): string {
  return value === undefined
    ? '—'
    : value.toLocaleString('en-US', { maximumFractionDigits: fractionDigits });
}

function withLabel(value: number | undefined, label: string): string {
  return value === undefined ? '—' : `${format(value)} ${label}`;
}

function targetText(target: Target): string {
  const bound =
    target.below !== undefined ? `< ${format(target.below)}` : `≥ ${format(target.atLeast, 3)}`;
  return `${target.label} ${bound}${target.unit ?? ''}`;
}

/**
 * `yes`, `no` with the targets missed and their figures, `—` without targets, `?` when the line
 * lacks a figure a target needs.
 */
function verdict(line: BenchLine, targets: readonly Target[]): string {
  if (targets.length === 0) return '—';
  const missed: string[] = [];
  for (const target of targets) {
    const value = numberOf(line, target.field);
    if (value === undefined) return `? (no ${target.field})`;
    const met = target.below !== undefined ? value < target.below : value >= target.atLeast!;
    if (!met) missed.push(`${target.label} ${format(value, 3)}${target.unit ?? ''}`);
  }
  return missed.length === 0 ? 'yes' : `no: ${missed.join(', ')}`;
}
