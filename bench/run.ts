/**
 * `npm run bench` (or `npm run bench -- all`) runs every suite in turn: append, commands, rebuild,
 * explain, each on PostgreSQL when DATABASE_URL is set and on PGlite. `npm run bench -- <suite…>` runs
 * only the named ones. Each suite prints one JSON line per store on stdout as it finishes; the run
 * ends with one table of every line (figure, same-run baseline, ratio, target, p50/p99, peak RSS),
 * for the terminal and in Markdown for docs/benchmarks.md. A suite that fails is reported and the
 * others still run; the exit code is then 1.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  SUITE_FIGURES,
  figureRows,
  markdownTable,
  terminalTable,
  type SuiteName,
  type SuiteRun,
} from './figure-table';

interface Suite {
  run(): Promise<unknown[]>;
}

const SUITES = Object.keys(SUITE_FIGURES) as SuiteName[];

async function main(): Promise<void> {
  const named = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const wanted = named.length === 0 || (named.length === 1 && named[0] === 'all') ? SUITES : named;
  const unknown = wanted.filter((w) => !(SUITES as string[]).includes(w));
  if (unknown.length > 0) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; available: all, ${SUITES.join(', ')}`);
    process.exit(2);
  }
  const runs: SuiteRun[] = [];
  const failed: string[] = [];
  for (const suite of wanted as SuiteName[]) {
    console.error(`--- bench ${suite}`);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(join(__dirname, `${suite}.bench`)) as Suite;
      runs.push({ suite, lines: await module.run(), load: loadavg()[0]! });
    } catch (error) {
      console.error(`bench ${suite} failed:`, error);
      failed.push(suite);
    }
  }
  const rows = figureRows(runs);
  console.log(`\n${terminalTable(rows)}\n\n${markdownTable(rows)}`);
  if (failed.length > 0) {
    console.error(`failed: ${failed.join(', ')} (not in the table)`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
