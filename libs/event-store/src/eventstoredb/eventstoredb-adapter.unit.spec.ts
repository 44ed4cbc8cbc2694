import { describeEventStoreContract } from '../testing';
import { fakeEsdbHarness } from './testing/fake-esdb-harness';

/*
 * The EventStoreDB adapter's logic against an in-memory FAKE of the client. This is NOT a test of
 * EventStoreDB: the real integration runs in contract.eventstoredb.int.spec.ts when EVENTSTORE_URL
 * is set. It exists so the adapter's hash chain, idempotency, keys, paging, seals and verification
 * are exercised on every run, even where no EventStoreDB is available.
 */
describe('FAKE EventStoreDB client (adapter logic only, not EventStoreDB itself)', () => {
  describeEventStoreContract(fakeEsdbHarness());
});
