import type { StoreHarness } from '../../testing/store-harness';
import { pgliteContractHarness, postgresContractHarness } from '../../testing/sql-harness';

/**
 * The SQL stores a spec file runs against: PGlite always, PostgreSQL when DATABASE_URL is set.
 * Call once per spec file, at the top level: their database and pool are shut down after it.
 */
export function sqlHarnesses(): StoreHarness[] {
  const harnesses = [pgliteContractHarness()];
  const url = process.env.DATABASE_URL;
  if (url) harnesses.push(postgresContractHarness(url));
  afterAll(() => Promise.all(harnesses.map((h) => h.shutdown())));
  return harnesses;
}
