import { EventEmitter } from 'node:events';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventData,
  type EventStoreDBClient,
  type Position,
  type ReadPosition,
  type ReadRevision,
} from '@eventstore/db-client';
import type { EsdbRecord } from '../esdb-codec';

/**
 * An in-memory imitation of the few `EventStoreDBClient` calls the adapter makes, so that the
 * adapter's own logic (hash chain, idempotency, keys, paging, seals, verification) can be exercised
 * without a server. It is NOT EventStoreDB: it models what the client documents (optimistic
 * concurrency, StreamNotFound, inclusive read positions, $all with system records, the idempotent
 * acknowledgement of a re-sent append) and nothing else. Passing against it proves the adapter
 * logic, never the integration.
 */
export class FakeEsdbClient {
  /** The whole log, in position order; tests may tamper with records in place. */
  readonly log: EsdbRecord[] = [];
  private readonly streams = new Map<string, EsdbRecord[]>();
  private readonly live = new EventEmitter();
  private nextPosition = 100n;

  constructor() {
    // System records exist in every real $all; the adapter must skip them.
    this.write('$stats-127.0.0.1:2113', [
      { id: crypto.randomUUID(), type: '$statsCollected', data: {}, metadata: undefined },
    ]);
  }

  asClient(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  streamOf(name: string): EsdbRecord[] {
    return this.streams.get(name) ?? [];
  }

  async appendToStream(
    name: string,
    events: EventData | EventData[],
    options: { expectedRevision?: AppendExpectedRevision } = {},
  ) {
    await tick();
    const batch = (Array.isArray(events) ? events : [events]) as Array<{
      id: string;
      type: string;
      data: unknown;
      metadata: unknown;
    }>;
    const stream = this.streamOf(name);
    const current = stream.length === 0 ? -1n : stream[stream.length - 1]!.revision;
    const expected = options.expectedRevision ?? 'any';
    if (this.isResend(stream, batch, expected))
      return { success: true, nextExpectedRevision: current };
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === -1n) ||
      (expected === 'stream_exists' && current >= 0n) ||
      expected === current;
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, {
        streamName: name,
        expected,
        current: current === -1n ? 'no_stream' : current,
      });
    }
    const written = this.write(name, batch);
    return {
      success: true,
      nextExpectedRevision: written[written.length - 1]!.revision,
      position: written[0]!.position,
    };
  }

  readStream(
    name: string,
    options: { fromRevision?: ReadRevision; maxCount?: number | bigint; direction?: string } = {},
  ) {
    const stream = this.streams.get(name);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    return (async function* () {
      await tick();
      if (!stream) throw new StreamNotFoundError(undefined, name);
      const ordered = backwards ? [...stream].reverse() : stream;
      const selected = ordered.filter((r) => {
        if (from === 'start' || from === 'end') return true;
        return backwards ? r.revision <= from : r.revision >= from;
      });
      for (const record of selected.slice(0, max)) yield { event: clone(record) };
    })();
  }

  readAll(
    options: { fromPosition?: ReadPosition; maxCount?: number | bigint; direction?: string } = {},
  ) {
    const log = this.log;
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    return (async function* () {
      await tick();
      const ordered = backwards ? [...log].reverse() : log;
      const selected = ordered.filter((r) => {
        if (from === 'start' || from === 'end') return true;
        const at = (r.position as Position).commit;
        // Like the server, a read starts at (and includes) the record at its position.
        return backwards ? at <= from.commit : at >= from.commit;
      });
      for (const record of selected.slice(0, max))
        yield { event: clone(record), commitPosition: record.position!.commit };
    })();
  }

  subscribeToAll() {
    const subscription = new EventEmitter() as EventEmitter & { unsubscribe(): Promise<void> };
    const forward = (record: EsdbRecord) => subscription.emit('data', { event: clone(record) });
    this.live.on('record', forward);
    subscription.unsubscribe = async () => {
      this.live.off('record', forward);
    };
    return subscription;
  }

  async dispose(): Promise<void> {
    this.live.removeAllListeners();
  }

  /** EventStoreDB acknowledges, without writing, a re-sent append whose ids already follow `expected`. */
  private isResend(
    stream: EsdbRecord[],
    batch: Array<{ id: string }>,
    expected: AppendExpectedRevision,
  ): boolean {
    if (typeof expected !== 'bigint' && expected !== 'no_stream') return false;
    const start = expected === 'no_stream' ? 0 : Number(expected) + 1;
    const existing = stream.slice(start, start + batch.length);
    return existing.length === batch.length && existing.every((r, i) => r.id === batch[i]!.id);
  }

  private write(
    name: string,
    batch: Array<{ id: string; type: string; data: unknown; metadata: unknown }>,
  ): EsdbRecord[] {
    const stream = this.streamOf(name);
    const written = batch.map((e, i) => {
      const position = { commit: this.nextPosition, prepare: this.nextPosition };
      this.nextPosition += 137n;
      const record: EsdbRecord = {
        streamId: name,
        id: e.id,
        revision: BigInt(stream.length + i),
        type: e.type,
        isJson: true,
        // What travels over the wire is JSON text; so is what comes back.
        data: JSON.parse(JSON.stringify(e.data)) as unknown,
        metadata:
          e.metadata === undefined
            ? undefined
            : (JSON.parse(JSON.stringify(e.metadata)) as unknown),
        position,
      };
      return record;
    });
    this.streams.set(name, [...stream, ...written]);
    this.log.push(...written);
    for (const record of written) this.live.emit('record', record);
    return written;
  }
}

function clone(record: EsdbRecord): EsdbRecord {
  return {
    ...record,
    data: structuredClone(record.data),
    metadata: structuredClone(record.metadata),
  };
}

/** Yields to the event loop, so that concurrent callers interleave as they would over the network. */
function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
