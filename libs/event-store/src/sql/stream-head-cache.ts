/** A stream's head as this process last saw it: the revision and hash a new append chains onto. */
export interface StreamHead {
  revision: number;
  lastHash: string;
  lastRecordedAt: string | null;
}

/**
 * The heads of recently written streams, least recently used first out. A cached head is only
 * ever a guess: the write that relies on it is a compare-and-set on (revision, hash), so a head
 * moved by another process makes that write touch nothing, and the append falls back to reading
 * the head. A hit saves the read, so the usual append (a command handler that has just read the
 * stream) is one round trip.
 */
export class StreamHeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHead | undefined {
    const head = this.heads.get(streamId);
    if (head) {
      // Re-insert to mark it most recently used (a Map iterates in insertion order).
      this.heads.delete(streamId);
      this.heads.set(streamId, head);
    }
    return head;
  }

  set(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
