import { START, type Checkpoint } from '@ledger/event-store/port';

/**
 * Checkpoints order the global log by commit: first the transaction id, then the position within
 * it. Comparing only `globalPosition` would be wrong, because sequence numbers are handed out before
 * commit and transactions commit out of sequence order.
 */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.globalPosition !== b.globalPosition) return a.globalPosition < b.globalPosition ? -1 : 1;
  return 0;
}

export function isAtOrAfter(reached: Checkpoint, target: Checkpoint): boolean {
  return compareCheckpoints(reached, target) >= 0;
}

export function earliestOf(checkpoints: Iterable<Checkpoint>): Checkpoint {
  let earliest: Checkpoint | null = null;
  for (const checkpoint of checkpoints) {
    if (earliest === null || compareCheckpoints(checkpoint, earliest) < 0) earliest = checkpoint;
  }
  return earliest ?? START;
}

/** The largest values the store's columns hold: `xid8` is unsigned 64-bit, `bigint` signed. */
const MAX_TRANSACTION_ID = 2n ** 64n - 1n;
const MAX_GLOBAL_POSITION = 2n ** 63n - 1n;

/**
 * The position token clients hand back to read their own writes: `"<transactionId>:<globalPosition>"`,
 * both non-negative decimal integers within the range the store can compare them in (a larger one
 * would fail inside the query). Null when `token` is not one.
 */
export function parsePositionToken(token: string): Checkpoint | null {
  const match = /^(0|[1-9][0-9]{0,19}):(0|[1-9][0-9]{0,19})$/.exec(token);
  if (!match) return null;
  const checkpoint = { transactionId: BigInt(match[1]!), globalPosition: BigInt(match[2]!) };
  if (checkpoint.transactionId > MAX_TRANSACTION_ID) return null;
  if (checkpoint.globalPosition > MAX_GLOBAL_POSITION) return null;
  return checkpoint;
}

export function formatPositionToken(checkpoint: Checkpoint): string {
  return `${checkpoint.transactionId}:${checkpoint.globalPosition}`;
}
