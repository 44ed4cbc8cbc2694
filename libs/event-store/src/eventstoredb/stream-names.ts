import { InvalidAppendError } from '../errors';
import { sha256Hex } from '../hashing';

const COMMAND_PREFIX = 'ledger-command-';
const KEY_PREFIX = 'ledger-key-';
const SEALS = 'ledger-seals';

/**
 * How the ledger's streams are named in EventStoreDB. Besides the domain streams, the adapter keeps
 * bookkeeping streams that readers of the log must never see: one per command record, one per
 * lookup key, and the seal chain. Hashing command ids and keys keeps stream names short and free of
 * characters EventStoreDB treats specially.
 *
 * An optional namespace prefixes every name, so that several isolated stores (tests, tenants) can
 * share one database; the log of a namespaced store is only the streams under its prefix.
 */
export class StreamNames {
  constructor(readonly namespace = '') {}

  /** The EventStoreDB stream that holds a ledger stream. */
  ofStream(streamId: string): string {
    return this.namespace + streamId;
  }

  ofCommand(commandId: string): string {
    return `${this.namespace}${COMMAND_PREFIX}${sha256Hex(commandId)}`;
  }

  ofKey(key: string): string {
    return `${this.namespace}${KEY_PREFIX}${sha256Hex(key)}`;
  }

  get seals(): string {
    return this.namespace + SEALS;
  }

  /** The ledger stream id of a stored stream name, or null for system, bookkeeping and foreign streams. */
  ledgerStreamOf(storedName: string): string | null {
    if (storedName.startsWith('$') || !storedName.startsWith(this.namespace)) return null;
    const id = storedName.slice(this.namespace.length);
    return isReserved(id) ? null : id;
  }

  /** Refuses ledger stream ids that would land on a system or bookkeeping stream. */
  assertWritable(streamId: string): void {
    if (streamId.startsWith('$'))
      throw new InvalidAppendError(
        'streamId',
        'must not start with $ (EventStoreDB system streams)',
      );
    if (isReserved(streamId))
      throw new InvalidAppendError('streamId', 'is reserved for the store’s own bookkeeping');
  }
}

function isReserved(streamId: string): boolean {
  return (
    streamId.startsWith(COMMAND_PREFIX) || streamId.startsWith(KEY_PREFIX) || streamId === SEALS
  );
}
