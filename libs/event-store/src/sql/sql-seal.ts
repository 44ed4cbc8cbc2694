import { GENESIS_HASH, sealHash } from '../hashing';
import { START, type Checkpoint, type Seal } from '../port';
import { checkpointOf, checkpointParams } from './event-rows';
import { qualified, type SqlClient, type SqlQueryable } from './sql-client';

export const DEFAULT_MAX_EVENTS_PER_SEAL = 10_000;

interface SealRow {
  seal_number: number;
  up_to_tx: string;
  up_to_position: string;
  event_count: number;
  hash: string;
  prev_hash: string;
}

export const SEAL_COLUMNS = `seal_number, up_to_tx::text AS up_to_tx, up_to_position::text AS up_to_position,
  event_count, hash, prev_hash`;

export function sealOf(row: SealRow): Seal {
  return {
    sealNumber: Number(row.seal_number),
    upTo: checkpointOf(row.up_to_tx, row.up_to_position),
    eventCount: Number(row.event_count),
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

/**
 * Extends the seal chain over every event readers can see, in commit order, at most
 * `maxEventsPerSeal` events per seal. Each seal is its own short transaction under an advisory
 * lock: sealers in several processes take turns, and no sealer holds a transaction id for long
 * (an open one would hold back what every `readAll` may see).
 */
export async function sealLog(
  client: SqlClient,
  schema: string,
  options: { maxEventsPerSeal?: number; now: () => string },
): Promise<Seal[]> {
  const max = Math.max(1, Math.floor(options.maxEventsPerSeal ?? DEFAULT_MAX_EVENTS_PER_SEAL));
  const seals: Seal[] = [];
  for (;;) {
    const seal = await client.transaction((tx) => sealNext(tx, schema, max, options.now()));
    if (!seal) return seals;
    seals.push(seal);
    if (seal.eventCount < max) return seals;
  }
}

async function sealNext(
  tx: SqlQueryable,
  schema: string,
  max: number,
  now: string,
): Promise<Seal | null> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1), 1)`, [schema]);
  const [last] = await tx.query<SealRow>(
    `SELECT ${SEAL_COLUMNS} FROM ${qualified(schema, 'seals')} ORDER BY seal_number DESC LIMIT 1`,
  );
  const after: Checkpoint = last ? checkpointOf(last.up_to_tx, last.up_to_position) : START;
  const rows = await tx.query<{ transaction_id: string; global_position: string; hash: string }>(
    `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position,
       coalesce(metadata->>'hash', '') AS hash
     FROM ${qualified(schema, 'events')} e
     WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
       AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY e.transaction_id, e.global_position LIMIT $3`,
    [...checkpointParams(after), max],
  );
  if (rows.length === 0) return null;
  const end = rows[rows.length - 1]!;
  const seal: Seal = {
    sealNumber: last ? Number(last.seal_number) + 1 : 1,
    upTo: checkpointOf(end.transaction_id, end.global_position),
    eventCount: rows.length,
    prevHash: last?.hash ?? GENESIS_HASH,
    hash: sealHash(
      last?.hash ?? GENESIS_HASH,
      rows.map((r) => r.hash),
    ),
  };
  await tx.query(
    `INSERT INTO ${qualified(schema, 'seals')}
       (seal_number, up_to_tx, up_to_position, event_count, hash, prev_hash, sealed_at)
     VALUES ($1, $2::xid8, $3::bigint, $4, $5, $6, $7)`,
    [
      seal.sealNumber,
      ...checkpointParams(seal.upTo),
      seal.eventCount,
      seal.hash,
      seal.prevHash,
      now,
    ],
  );
  return seal;
}
