import type { Checkpoint, EventStore } from '@ledger/event-store/port';
import { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';

/**
 * The position a reader must wait for so that every write acknowledged before it asked is included.
 * On PostgreSQL/PGlite that is the last *committed* event, which the global log shows once older open
 * transactions end (SPEC §2); the visible head alone could miss a write just acknowledged to this very
 * client while another transaction on the server is still open. Other stores: their visible head.
 */
export function readYourWritesTarget(store: EventStore): Promise<Checkpoint> {
  return store instanceof SqlEventStore ? store.lastCommittedCheckpoint() : store.headCheckpoint();
}
