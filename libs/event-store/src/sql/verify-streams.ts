import { chainHash, GENESIS_HASH, hashedContent } from '../hashing';
import type { IntegrityProblem, JsonValue, RecordedEvent } from '../port';
import { eventColumns, storedEvent, type EventRow } from './event-rows';
import { qualified, type SqlQueryable } from './sql-client';

interface VerifyRow extends EventRow {
  schema_version: number;
  head_revision: number | null;
  head_hash: string | null;
}

interface StreamWalk {
  streamId: string;
  nextRevision: number;
  lastHash: string;
  last: RecordedEvent | null;
  headRevision: number | null;
  headHash: string | null;
}

/**
 * Walks every stream in revision order, a page at a time, and recomputes its hash chain from
 * the stored content: each event's own hash, its link to the previous event, contiguous
 * revisions, commit order agreeing with revision order, and the stream head row agreeing with
 * the last event. Returns how many events were checked.
 */
export async function verifyStreams(
  tx: SqlQueryable,
  schema: string,
  report: (problem: IntegrityProblem) => void,
  pageSize: number,
): Promise<number> {
  let cursor: [string, number] = ['', -1];
  let walk: StreamWalk | null = null;
  let checked = 0;
  for (;;) {
    const rows = await tx.query<VerifyRow>(
      `SELECT ${eventColumns('e')}, e.schema_version,
         s.revision AS head_revision, s.last_hash AS head_hash
       FROM ${qualified(schema, 'events')} e LEFT JOIN ${qualified(schema, 'streams')} s USING (stream_id)
       WHERE (e.stream_id, e.stream_revision) > ($1::text, $2::integer)
       ORDER BY e.stream_id, e.stream_revision LIMIT $3`,
      [...cursor, pageSize],
    );
    for (const row of rows) {
      if (walk?.streamId !== row.stream_id) {
        if (walk) finishStream(walk, report);
        walk = startStream(row);
      }
      checkEvent(walk, row, report);
      checked++;
    }
    if (rows.length < pageSize) break;
    const end = rows[rows.length - 1]!;
    cursor = [end.stream_id, Number(end.stream_revision)];
  }
  if (walk) finishStream(walk, report);
  await reportHeadsWithoutEvents(tx, schema, report);
  return checked;
}

function startStream(row: VerifyRow): StreamWalk {
  return {
    streamId: row.stream_id,
    nextRevision: 0,
    lastHash: GENESIS_HASH,
    last: null,
    headRevision: row.head_revision === null ? null : Number(row.head_revision),
    headHash: row.head_hash,
  };
}

function checkEvent(walk: StreamWalk, row: VerifyRow, report: (p: IntegrityProblem) => void): void {
  const event = storedEvent(row);
  const where = {
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    globalPosition: event.globalPosition,
  };
  const metadata = event.metadata as unknown as { [key: string]: JsonValue | undefined };
  const recomputed = chainHash(String(metadata.prevHash), hashedContent({ ...event, metadata }));
  if (event.streamRevision !== walk.nextRevision) {
    report({
      kind: 'revision_gap',
      ...where,
      streamRevision: walk.nextRevision,
      detail: `revision ${walk.nextRevision} is missing; the next stored event has revision ${event.streamRevision}`,
    });
  } else if (metadata.prevHash !== walk.lastHash) {
    report({
      kind: 'broken_link',
      ...where,
      detail: 'prevHash does not match the hash of the previous revision',
    });
  }
  if (recomputed !== metadata.hash || Number(row.schema_version) !== metadata.schemaVersion) {
    report({
      kind: 'hash_mismatch',
      ...where,
      detail: 'the stored content does not hash to the stored hash',
    });
  }
  if (walk.last && !committedAfter(event, walk.last)) {
    report({
      kind: 'broken_link',
      ...where,
      detail: `revision ${event.streamRevision} comes before revision ${walk.last.streamRevision} in the global log`,
    });
  }
  walk.nextRevision = event.streamRevision + 1;
  walk.lastHash = String(metadata.hash);
  walk.last = event;
}

function committedAfter(a: RecordedEvent, b: RecordedEvent): boolean {
  if (a.transactionId !== b.transactionId) return a.transactionId > b.transactionId;
  return a.globalPosition > b.globalPosition;
}

function finishStream(walk: StreamWalk, report: (p: IntegrityProblem) => void): void {
  const last = walk.last!;
  if (walk.headRevision === last.streamRevision && walk.headHash === walk.lastHash) return;
  // When the head is ahead, the first broken revision is the first one missing after the last event.
  const headAhead = walk.headRevision !== null && walk.headRevision > last.streamRevision;
  report({
    kind: 'stream_head_mismatch',
    streamId: walk.streamId,
    streamRevision: headAhead ? last.streamRevision + 1 : last.streamRevision,
    globalPosition: last.globalPosition,
    detail: `stream head says revision ${String(walk.headRevision)}; the last stored event is revision ${last.streamRevision}`,
  });
}

async function reportHeadsWithoutEvents(
  tx: SqlQueryable,
  schema: string,
  report: (p: IntegrityProblem) => void,
) {
  const orphans = await tx.query<{ stream_id: string; revision: number }>(
    `SELECT stream_id, revision FROM ${qualified(schema, 'streams')} s
     WHERE revision >= 0 AND NOT EXISTS (SELECT 1 FROM ${qualified(schema, 'events')} e WHERE e.stream_id = s.stream_id)
     ORDER BY stream_id LIMIT 1000`,
  );
  for (const o of orphans) {
    report({
      kind: 'stream_head_mismatch',
      streamId: o.stream_id,
      streamRevision: Number(o.revision),
      detail: `stream head says revision ${o.revision} but the stream has no events`,
    });
  }
}
