import { GENESIS_HASH, sealHash } from '../hashing';
import { START, type Checkpoint, type IntegrityProblem, type Seal } from '../port';
import { checkpointOf, checkpointParams } from './event-rows';
import { qualified, type SqlQueryable } from './sql-client';
import { SEAL_COLUMNS, sealOf } from './sql-seal';

/**
 * Recomputes every seal over the events now stored in its range, in commit order. A seal covers
 * the events after the previous seal's checkpoint up to its own; an event deleted, inserted,
 * edited (its stored hash changed) or moved to another place in the log changes the count or the
 * hash. Seals are read a page at a time and each seal's events one range at a time, so memory
 * stays bounded by one seal. Returns how many seals were checked.
 */
export async function verifySeals(
  tx: SqlQueryable,
  schema: string,
  report: (problem: IntegrityProblem) => void,
  pageSize: number,
): Promise<number> {
  let expectedNumber = 1;
  let prevHash = GENESIS_HASH;
  let from: Checkpoint = START;
  for (;;) {
    const seals = (
      await tx.query<Parameters<typeof sealOf>[0]>(
        `SELECT ${SEAL_COLUMNS} FROM ${qualified(schema, 'seals')} WHERE seal_number >= $1 ORDER BY seal_number LIMIT $2`,
        [expectedNumber, pageSize],
      )
    ).map(sealOf);
    for (const seal of seals) {
      if (seal.sealNumber !== expectedNumber || seal.prevHash !== prevHash) {
        report(
          sealProblem(
            seal,
            `seal ${seal.sealNumber} does not follow seal ${expectedNumber - 1} in the chain`,
          ),
        );
      }
      const hashes = await eventHashesBetween(tx, schema, from, seal.upTo, pageSize);
      if (hashes.length !== seal.eventCount) {
        report(
          sealProblem(
            seal,
            `seal ${seal.sealNumber} covers ${seal.eventCount} events; its range now holds ${hashes.length}`,
          ),
        );
      } else if (sealHash(seal.prevHash, hashes) !== seal.hash) {
        report(
          sealProblem(
            seal,
            `the events in the range of seal ${seal.sealNumber} no longer hash to it`,
          ),
        );
      }
      expectedNumber = seal.sealNumber + 1;
      prevHash = seal.hash;
      from = seal.upTo;
    }
    if (seals.length < pageSize) return expectedNumber - 1;
  }
}

function sealProblem(seal: Seal, detail: string): IntegrityProblem {
  return { kind: 'seal_mismatch', globalPosition: seal.upTo.globalPosition, detail };
}

/** Stored event hashes in commit order in the range (after, upTo]. */
async function eventHashesBetween(
  tx: SqlQueryable,
  schema: string,
  after: Checkpoint,
  upTo: Checkpoint,
  pageSize: number,
): Promise<string[]> {
  const hashes: string[] = [];
  let cursor = after;
  for (;;) {
    const rows = await tx.query<{ transaction_id: string; global_position: string; hash: string }>(
      `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position,
         coalesce(metadata->>'hash', '') AS hash
       FROM ${qualified(schema, 'events')} e
       WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
         AND (e.transaction_id, e.global_position) <= ($3::xid8, $4::bigint)
       ORDER BY e.transaction_id, e.global_position LIMIT $5`,
      [...checkpointParams(cursor), ...checkpointParams(upTo), pageSize],
    );
    for (const row of rows) hashes.push(row.hash);
    if (rows.length < pageSize) return hashes;
    const end = rows[rows.length - 1]!;
    cursor = checkpointOf(end.transaction_id, end.global_position);
  }
}
