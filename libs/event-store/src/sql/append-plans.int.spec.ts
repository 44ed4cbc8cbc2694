import { withStore } from '../testing/contract.helpers';
import { appendStatements } from './append-statements';
import { sqlHarnesses } from './testing/sql-test-stores';
import { SqlEventStore } from './sql-event-store';

/**
 * A plan made once and kept must not scan a table that grows. PostgreSQL plans a statement it has
 * run five times generically, and keeps that plan until the table's statistics change, which never
 * happens where nothing runs ANALYZE (autovacuum is off on our own machines). The head read of an
 * append once planned a hash join over the whole of `stream_keys` that way: the demo's first
 * 300,000 events scanned it 88,583 times. So the generic plan, made on an empty log, is checked
 * here: every lookup of an append goes through an index.
 */
describe.each(sqlHarnesses())(
  'append statements on $name: plans that stay good as the log grows',
  (harness) => {
    test('the head read, planned generically on an empty log, looks up heads, commands and keys by index', async () => {
      await withStore(harness, async (store) => {
        const sql = store as SqlEventStore;
        const plan = await genericPlan(sql, appendStatements(sql.schema).readHead, [
          'text',
          'text',
          'text',
        ]);
        for (const table of ['streams', 'commands', 'stream_keys']) {
          expect(plan).toMatch(
            new RegExp(`(Index|Index Only|Bitmap Heap) Scan [^\\n]*on ${table}\\b`),
          );
          expect(plan).not.toMatch(new RegExp(`Seq Scan on ${table}\\b`));
        }
      });
    });
  },
);

async function genericPlan(store: SqlEventStore, statement: string, types: string[]) {
  const db = store.raw();
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
    await tx.query(`SET LOCAL search_path = ${store.schema}`);
    await tx.query(`PREPARE head_read_plan (${types.join(', ')}) AS ${statement}`);
    try {
      const rows = await tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN EXECUTE head_read_plan (${types.map(() => 'NULL').join(', ')})`,
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await tx.query(`DEALLOCATE head_read_plan`);
    }
  });
}
