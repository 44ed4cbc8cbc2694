import {
  NO_STREAM,
  WrongExpectedVersionError,
  jsonEvent,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { GENESIS_HASH, chainHash, hashedContent, sealHash } from '../hashing';
import {
  START,
  type Checkpoint,
  type IntegrityProblem,
  type IntegrityReport,
  type RecordedEvent,
  type Seal,
} from '../port';
import {
  checkpointFromJson,
  checkpointOfEvent,
  checkpointToJson,
  compareCheckpoints,
} from './esdb-codec';
import { readLogPage, readStoredStream } from './esdb-reads';
import type { StreamNames } from './stream-names';

const VERIFY_PAGE = 1000;

interface StoredSeal extends Omit<Seal, 'upTo'> {
  upTo: { transactionId: string; globalPosition: string };
}

const sealOf = (data: unknown): Seal => {
  const stored = data as StoredSeal;
  return { ...stored, upTo: checkpointFromJson(stored.upTo) };
};

export async function readSeals(client: EventStoreDBClient, names: StreamNames): Promise<Seal[]> {
  const records = await readStoredStream(client, names.seals);
  return records.map((r) => sealOf(r.event?.data));
}

/**
 * Extends the seal chain (stream `ledger-seals`) over every ledger event not yet sealed, in commit
 * order. The seals are appended with the exact revision of the last seal read, so two sealers never
 * both extend the chain from the same seal: the loser reads again and seals what is still unsealed.
 */
export async function sealLog(
  client: EventStoreDBClient,
  names: StreamNames,
  maxEventsPerSeal = 1000,
): Promise<Seal[]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [lastRecord] = await readStoredStream(client, names.seals, {
      backwards: true,
      maxCount: 1,
    });
    const last = lastRecord?.event ? sealOf(lastRecord.event.data) : null;
    const seals = await sealsAfter(client, names, last, maxEventsPerSeal);
    if (seals.length === 0) return [];
    try {
      await client.appendToStream(
        names.seals,
        seals.map((s) =>
          jsonEvent({ type: 'LedgerSealed', data: { ...s, upTo: checkpointToJson(s.upTo) } }),
        ),
        { expectedRevision: lastRecord?.event ? lastRecord.event.revision : NO_STREAM },
      );
      return seals;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
  }
  throw new Error('seal: another sealer extended the chain five times in a row; try again');
}

async function sealsAfter(
  client: EventStoreDBClient,
  names: StreamNames,
  last: Seal | null,
  max: number,
): Promise<Seal[]> {
  const seals: Seal[] = [];
  let after: Checkpoint = last?.upTo ?? START;
  let prevHash = last?.hash ?? GENESIS_HASH;
  let sealNumber = last?.sealNumber ?? 0;
  for (;;) {
    const page = await readLogPage(client, names, after, max);
    if (page.length === 0) return seals;
    const hash = sealHash(
      prevHash,
      page.map((d) => d.event.metadata.hash),
    );
    after = checkpointOfEvent(page[page.length - 1]!.event);
    seals.push({ sealNumber: ++sealNumber, upTo: after, eventCount: page.length, hash, prevHash });
    prevHash = hash;
  }
}

/** Follows each stream's hash chain; reports the first broken place of each stream once. */
class StreamChains {
  private readonly heads = new Map<string, { revision: number; hash: string }>();
  private readonly broken = new Set<string>();

  check(event: RecordedEvent, problems: IntegrityProblem[]): void {
    if (this.broken.has(event.streamId)) return;
    const head = this.heads.get(event.streamId) ?? { revision: -1, hash: GENESIS_HASH };
    const at = { streamId: event.streamId, globalPosition: event.globalPosition };
    const problem: IntegrityProblem | null =
      event.streamRevision !== head.revision + 1
        ? {
            kind: 'revision_gap',
            ...at,
            streamRevision: head.revision + 1,
            detail: `found revision ${event.streamRevision} where ${head.revision + 1} was due`,
          }
        : event.metadata.prevHash !== head.hash
          ? {
              kind: 'broken_link',
              ...at,
              streamRevision: event.streamRevision,
              detail: 'prevHash is not the previous event’s hash',
            }
          : chainHash(head.hash, hashedContent({ ...event, metadata: { ...event.metadata } })) !==
              event.metadata.hash
            ? {
                kind: 'hash_mismatch',
                ...at,
                streamRevision: event.streamRevision,
                detail: 'content does not hash to the stored hash',
              }
            : null;
    if (problem) {
      problems.push(problem);
      this.broken.add(event.streamId);
    }
    this.heads.set(event.streamId, { revision: event.streamRevision, hash: event.metadata.hash });
  }
}

/** Recomputes the seal chain over the event hashes in commit order; stops at the first broken seal. */
class SealChain {
  private index = 0;
  private prevHash = GENESIS_HASH;
  private pending: string[] = [];
  private broken = false;

  constructor(private readonly seals: Seal[]) {}

  check(event: RecordedEvent, problems: IntegrityProblem[]): void {
    const seal = this.seals[this.index];
    if (this.broken || !seal) return;
    this.pending.push(event.metadata.hash);
    if (this.pending.length < seal.eventCount) return;
    const intact =
      seal.prevHash === this.prevHash &&
      sealHash(this.prevHash, this.pending) === seal.hash &&
      compareCheckpoints(checkpointOfEvent(event), seal.upTo) === 0;
    if (!intact) this.fail(seal, problems, 'the sealed events no longer hash to the seal');
    this.prevHash = seal.hash;
    this.pending = [];
    this.index++;
  }

  finish(problems: IntegrityProblem[]): void {
    const seal = this.seals[this.index];
    if (!this.broken && seal)
      this.fail(seal, problems, 'the log ends before the events this seal covers');
  }

  private fail(seal: Seal, problems: IntegrityProblem[], why: string): void {
    this.broken = true;
    problems.push({
      kind: 'seal_mismatch',
      globalPosition: seal.upTo.globalPosition,
      detail: `seal ${seal.sealNumber}: ${why}`,
    });
  }
}

export async function verifyLog(
  client: EventStoreDBClient,
  names: StreamNames,
): Promise<IntegrityReport> {
  const seals = await readSeals(client, names);
  const problems: IntegrityProblem[] = [];
  const streams = new StreamChains();
  const sealChain = new SealChain(seals);
  let after: Checkpoint = START;
  let eventsChecked = 0;
  for (;;) {
    const page = await readLogPage(client, names, after, VERIFY_PAGE);
    if (page.length === 0) break;
    for (const { event } of page) {
      eventsChecked++;
      streams.check(event, problems);
      sealChain.check(event, problems);
    }
    after = checkpointOfEvent(page[page.length - 1]!.event);
  }
  sealChain.finish(problems);
  return { ok: problems.length === 0, eventsChecked, sealsChecked: seals.length, problems };
}
