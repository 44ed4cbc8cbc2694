import {
  BACKWARDS,
  END,
  FORWARDS,
  START as LOG_START,
  StreamNotFoundError,
  type EventStoreDBClient,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import { START, type Checkpoint } from '../port';
import {
  compareCheckpoints,
  decodeResolved,
  positionOfCheckpoint,
  type DecodedEvent,
  type EsdbResolved,
} from './esdb-codec';
import type { StreamNames } from './stream-names';

/** How many $all records one round trip scans; foreign and bookkeeping records are skipped client-side. */
const SCAN_BATCH = 256;

/** Every record of one stored stream in the given direction; an empty array when it does not exist. */
export async function readStoredStream(
  client: EventStoreDBClient,
  name: string,
  options: { fromRevision?: bigint; maxCount?: number; backwards?: boolean } = {},
): Promise<EsdbResolved[]> {
  const records: EsdbResolved[] = [];
  try {
    const read = client.readStream(name, {
      fromRevision: options.fromRevision ?? (options.backwards ? END : LOG_START),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      direction: options.backwards ? BACKWARDS : FORWARDS,
    });
    for await (const resolved of read) records.push(resolved as EsdbResolved);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return records;
}

/** The data of a bookkeeping stream's first event (its whole content), or null when there is none. */
export async function readFirstData<T>(
  client: EventStoreDBClient,
  name: string,
): Promise<T | null> {
  const [first] = await readStoredStream(client, name, { fromRevision: 0n, maxCount: 1 });
  return first?.event ? (first.event.data as T) : null;
}

function checkpointOfPosition(position: Position): Checkpoint {
  return { transactionId: position.commit, globalPosition: position.prepare };
}

async function scanAll(
  client: EventStoreDBClient,
  from: ReadPosition,
  backwards: boolean,
): Promise<EsdbResolved[]> {
  const records: EsdbResolved[] = [];
  const read = client.readAll({
    fromPosition: from,
    maxCount: SCAN_BATCH,
    direction: backwards ? BACKWARDS : FORWARDS,
  });
  for await (const resolved of read) records.push(resolved as EsdbResolved);
  return records;
}

/**
 * Up to `limit` ledger events strictly after `after`, in $all order. EventStoreDB's single writer
 * gives every record its log position as it commits, so $all order is commit order and a reader
 * that resumes from a position never skips a record that commits later. The position a read starts
 * from is inclusive, so records at or before where we have been are dropped here.
 */
export async function readLogPage(
  client: EventStoreDBClient,
  names: StreamNames,
  after: Checkpoint,
  limit: number,
): Promise<DecodedEvent[]> {
  const events: DecodedEvent[] = [];
  let scanned = after;
  for (;;) {
    const from =
      compareCheckpoints(scanned, START) === 0 ? LOG_START : positionOfCheckpoint(scanned);
    const batch = await scanAll(client, from, false);
    for (const resolved of batch) {
      const position = resolved.event?.position;
      if (!position) continue;
      const checkpoint = checkpointOfPosition(position);
      if (compareCheckpoints(checkpoint, scanned) <= 0) continue;
      scanned = checkpoint;
      const decoded = decodeResolved(resolved, names);
      if (decoded) events.push(decoded);
      if (events.length >= limit) return events;
    }
    if (batch.length < SCAN_BATCH) return events;
  }
}

/** The checkpoint of the last ledger event in the log, found by scanning $all backwards. */
export async function lastLedgerCheckpoint(
  client: EventStoreDBClient,
  names: StreamNames,
): Promise<Checkpoint> {
  let from: ReadPosition = END;
  let scanned: Checkpoint | null = null;
  for (;;) {
    const batch = await scanAll(client, from, true);
    for (const resolved of batch) {
      const position = resolved.event?.position;
      if (!position) continue;
      const checkpoint = checkpointOfPosition(position);
      if (scanned && compareCheckpoints(checkpoint, scanned) >= 0) continue;
      scanned = checkpoint;
      const decoded = decodeResolved(resolved, names);
      if (decoded) return checkpoint;
    }
    if (batch.length < SCAN_BATCH || !scanned) return START;
    from = positionOfCheckpoint(scanned);
  }
}
