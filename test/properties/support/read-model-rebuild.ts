import { ALL_PROJECTIONS } from '@ledger/projections';
import { diffReadModels } from '@ledger/projections/runner/read-model-diff';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import { readCheckpoints } from '@ledger/projections/runner/read-schema';
import { scratchSchemaOf, type PropertyLedger } from './property-ledger';

/**
 * SPEC §1: read models can always be dropped and rebuilt from the log with identical results. The
 * log is replayed into a scratch schema beside the live one, and every table is compared row for
 * row (the check `ledger verify` makes); both must stand at the same checkpoint first.
 */
export async function checkRebuildMatches(ledger: PropertyLedger): Promise<void> {
  await ledger.settle();
  const scratch = scratchSchemaOf(ledger.readSchema);
  await ledger.db.query(`DROP SCHEMA IF EXISTS "${scratch}" CASCADE`);
  const runner = new ProjectionRunner({
    store: ledger.store,
    db: ledger.db,
    schema: scratch,
    projections: ALL_PROJECTIONS,
  });
  await runner.rebuild();
  const [live, rebuilt] = await Promise.all([
    readCheckpoints(ledger.db, ledger.readSchema),
    readCheckpoints(ledger.db, scratch),
  ]);
  for (const { name } of ALL_PROJECTIONS) {
    const a = live.get(name)?.checkpoint;
    const b = rebuilt.get(name)?.checkpoint;
    if (a?.transactionId !== b?.transactionId || a?.globalPosition !== b?.globalPosition)
      throw new Error(
        `rebuild: ${name} stands at ${String(b?.globalPosition)}, live at ${String(a?.globalPosition)}`,
      );
  }
  const tables = ALL_PROJECTIONS.flatMap((p) => p.tables);
  const differences = await diffReadModels(ledger.db, ledger.readSchema, scratch, tables);
  if (differences.length > 0)
    throw new Error(`rebuild differs from the live read models: ${JSON.stringify(differences)}`);
  await ledger.db.query(`DROP SCHEMA "${scratch}" CASCADE`);
}
