/**
 * `npm run bench -- <suite…>` runs the named benchmark suites (all of them when none is named).
 * Each suite prints one JSON line per store; see docs/benchmarks.md for recorded figures.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Suite {
  run(): Promise<unknown[]>;
}

async function main(): Promise<void> {
  const available = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') || f.endsWith('.bench.js'))
    .map((f) => f.replace(/\.bench\.(ts|js)$/, ''))
    .sort();
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !available.includes(w));
  if (unknown.length > 0) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
    process.exit(2);
  }
  for (const name of wanted.length > 0 ? wanted : available) {
    console.error(`--- bench ${name}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const suite = require(join(__dirname, `${name}.bench`)) as Suite;
    await suite.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
