import { randomBytes } from 'node:crypto';
import type { EventStore } from '../../port';
import type { RawStoreAccess, StoreHarness } from '../../testing/store-harness';
import { EventStoreDbEventStore } from '../eventstoredb-event-store';
import { FakeEsdbClient } from './fake-esdb-client';

/**
 * Adapter stores over one shared {@link FakeEsdbClient}, each in its own namespace, so that every
 * store's log is interleaved with its neighbours' records and with system records, as it would be
 * in a real shared database. NOT EventStoreDB: see the fake's own comment.
 */
export function fakeEsdbHarness(): StoreHarness {
  const fake = new FakeEsdbClient();
  const namespaces = new WeakMap<EventStore, string>();

  const recordsOf = (store: EventStore, streamId: string) => {
    const namespace = namespaces.get(store);
    if (namespace === undefined) throw new Error('not a store of this harness');
    return fake.streamOf(namespace + streamId);
  };
  const recordAt = (store: EventStore, streamId: string, revision: number) => {
    const record = recordsOf(store, streamId).find((r) => r.revision === BigInt(revision));
    if (!record) throw new Error(`no record ${streamId}@${revision}`);
    return record;
  };

  // Tampering with the fake's storage stands for tampering with the server's files on disk.
  const raw: RawStoreAccess = {
    async tryUpdateEvent() {
      throw new Error('EventStoreDB has no operation that changes an event');
    },
    async tryDeleteEvent() {
      throw new Error('EventStoreDB has no operation that removes a single event');
    },
    async editEventData(store, streamId, revision, data) {
      recordAt(store, streamId, revision).data = data;
    },
    async deleteEvent(store, streamId, revision) {
      const record = recordAt(store, streamId, revision);
      const stream = recordsOf(store, streamId);
      stream.splice(stream.indexOf(record), 1);
      fake.log.splice(fake.log.indexOf(record), 1);
    },
    async swapRevisions(store, streamId, revA, revB) {
      const a = recordAt(store, streamId, revA);
      const b = recordAt(store, streamId, revB);
      [a.revision, b.revision] = [b.revision, a.revision];
      recordsOf(store, streamId).sort((x, y) => (x.revision < y.revision ? -1 : 1));
    },
  };

  return {
    name: 'eventstoredb',
    async create(options) {
      const namespace = `fake-${randomBytes(4).toString('hex')}-`;
      const store = new EventStoreDbEventStore(fake.asClient(), {
        connectionString: 'esdb://fake',
        namespace,
        upcast: options?.upcast,
        hooks: { beforeCommit: options?.beforeCommit },
        pollIntervalMs: 20,
      });
      namespaces.set(store, namespace);
      return store;
    },
    async destroy() {
      // The fake is shared by design; a store's records stay, as they would in EventStoreDB.
    },
    raw,
  };
}
