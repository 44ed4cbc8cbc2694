import { randomBytes } from 'node:crypto';
import type { Checkpoint } from '@ledger/event-store/port';
import type { SqlQueryable } from '@ledger/event-store/sql/sql-client';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { ident } from '@ledger/projections/runner/apply-statements';
import { compareCheckpoints, formatPositionToken } from '@ledger/projections/runner/checkpoint';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import { readCheckpoints } from '@ledger/projections/runner/read-schema';
import { waitForProjections } from '@ledger/projections/runner/wait-for-projections';
import { CappedLog } from './capped-log';
import { isHeldByAnotherProcess, type ReadSide } from './open-read-side';
import { compareReadModels, type ReadModelComparison } from './read-model-checksums';

const TABLES = ALL_PROJECTIONS.flatMap((p) => p.tables);
const NAMES = ALL_PROJECTIONS.map((p) => p.name);
/** How often the comparison is retried when the live read models move on under it. */
const ATTEMPTS = 5;
const WAIT_FOR_LIVE_MS = 60_000;

export interface ReadModelVerification extends ReadModelComparison {
  ok: boolean;
  /** The position token both sides had applied the log up to when they were compared. */
  checkpoint: string;
  scratchSchema: string;
  eventsReplayed: number;
}

export interface VerifyReadModelsOptions {
  /** Differing rows shown per table. */
  maxShown?: number;
  onProgress?: (eventsRead: number) => void;
}

/**
 * SPEC §6 "a fresh replay equals the live read models": replays the whole log into a scratch schema
 * (`<read schema>_verify_<random>`) and compares every table with the live one, row by row.
 *
 * Like for like: the replay stops at the checkpoint the live read models stand at, and the comparison
 * runs in one repeatable-read snapshot in which the live checkpoints are read again. When a worker
 * moved them on meanwhile, the replay follows to the new checkpoint and the comparison is repeated.
 * The scratch schema is dropped whatever happens.
 */
export async function verifyReadModels(
  readSide: ReadSide,
  options: VerifyReadModelsOptions = {},
): Promise<ReadModelVerification> {
  const { db, schema: live } = readSide.readModels;
  const scratch = scratchSchemaFor(live);
  let target = await bringLiveToHead(readSide);
  const log = new CappedLog(readSide.store, target);
  const replay = new ProjectionRunner({
    store: log,
    db,
    schema: scratch,
    projections: ALL_PROJECTIONS,
    name: 'verify',
    onError: (error) => console.error('verify replay:', error),
  });
  let eventsReplayed = 0;
  try {
    await replay.rebuild(undefined, (progress) => {
      eventsReplayed = progress.eventsRead;
      options.onProgress?.(eventsReplayed);
    });
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const compared = await db.transaction(
        async (tx) => {
          if (!sameCheckpoint(await readCheckpoints(tx, live), target)) return null;
          return compareReadModels(tx, live, scratch, TABLES, { maxShown: options.maxShown });
        },
        { isolation: 'repeatable read' },
      );
      if (compared !== null) {
        const ok = compared.tables.every((t) => t.differingRows === 0);
        const checkpoint = formatPositionToken(target);
        return { ok, checkpoint, scratchSchema: scratch, eventsReplayed, ...compared };
      }
      // The live read models moved on: replay up to where they are now, and compare again.
      target = await bringLiveToHead(readSide);
      if (compareCheckpoints(target, log.checkpoint) < 0)
        throw new Error(
          `the live read models in ${live} went back (are they being rebuilt?); verify again later`,
        );
      log.moveTo(target);
      await replay.catchUp();
    }
    throw new Error(
      `the live read models in ${live} kept moving on during ${ATTEMPTS} comparisons; verify again when writes are quiet`,
    );
  } finally {
    await db.query(`DROP SCHEMA IF EXISTS ${ident(scratch)} CASCADE`);
  }
}

/** `<schema>_verify_<random>`, cut so that it stays a valid identifier (63 characters at most). */
export function scratchSchemaFor(live: string): string {
  const suffix = `_verify_${randomBytes(4).toString('hex')}`;
  return `${live.slice(0, 63 - suffix.length)}${suffix}`;
}

/**
 * Applies (or waits for another process to apply) the log up to its head, then answers the checkpoint
 * every live projection stands at. When they stand at different ones (one was just rebuilt), waits
 * until each has reached the latest of them.
 */
async function bringLiveToHead(readSide: ReadSide): Promise<Checkpoint> {
  const { db, schema } = readSide.readModels;
  const head = await readSide.store.headCheckpoint();
  try {
    await readSide.liveRunner().catchUp();
  } catch (error) {
    if (!isHeldByAnotherProcess(error)) throw error;
    await waitForLive(db, schema, head);
  }
  for (;;) {
    const stored = [...(await readCheckpoints(db, schema)).values()].map((c) => c.checkpoint);
    const latest = stored.reduce((a, b) => (compareCheckpoints(a, b) >= 0 ? a : b), head);
    if (stored.length === NAMES.length && stored.every((c) => compareCheckpoints(c, latest) === 0))
      return latest;
    await waitForLive(db, schema, latest);
  }
}

async function waitForLive(db: SqlQueryable, schema: string, target: Checkpoint): Promise<void> {
  const reached = await waitForProjections({
    db,
    schema,
    names: NAMES,
    target,
    timeoutMs: WAIT_FOR_LIVE_MS,
  });
  if (!reached) {
    throw new Error(
      `the read models in ${schema} did not reach ${formatPositionToken(target)} within ${WAIT_FOR_LIVE_MS / 1000} s; is the worker running?`,
    );
  }
}

function sameCheckpoint(
  stored: Map<string, { checkpoint: Checkpoint }>,
  target: Checkpoint,
): boolean {
  return NAMES.every((name) => {
    const found = stored.get(name);
    return found !== undefined && compareCheckpoints(found.checkpoint, target) === 0;
  });
}
