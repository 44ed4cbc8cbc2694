import { iso, type DemoStep, type Journey } from './journey';

interface Entry {
  at: number;
  /** Insertion order: journeys due at the same instant resume in the order they were scheduled. */
  seq: number;
  journey: Journey;
}

/** The simulated present, read by journeys to date what they send. */
export interface Clock {
  readonly now: number;
}

/**
 * Runs journeys in business-time order (a min-heap on due time, then insertion order) and turns
 * their emissions into a lazy, time-ordered stream of steps. Nothing is generated ahead of what the
 * consumer pulls, so memory holds only the journeys still under way.
 */
export class Scheduler implements Clock {
  private readonly heap: Entry[] = [];
  private seq = 0;
  private current = 0;

  get now(): number {
    return this.current;
  }

  /** Starts `journey` at business time `at` (never before the present). */
  start(at: number, journey: Journey): void {
    this.push({ at: Math.max(at, this.current), seq: this.seq++, journey });
  }

  *steps(): Generator<DemoStep, void, void> {
    for (let entry = this.pop(); entry !== undefined; entry = this.pop()) {
      this.current = entry.at;
      yield* this.resume(entry.journey);
    }
  }

  /** Runs one journey until it waits or ends, passing on what it sends. */
  private *resume(journey: Journey): Generator<DemoStep, void, void> {
    for (;;) {
      const { value, done } = journey.next();
      if (done) return;
      switch (value.kind) {
        case 'wait':
          this.start(this.current + value.ms, journey);
          return;
        case 'spawn':
          this.start(this.current + value.delayMs, value.journey);
          break;
        case 'command':
          yield { kind: 'command', at: iso(this.current), request: value.request };
          break;
        case 'release':
          yield { kind: 'release', accountId: value.accountId };
          break;
      }
    }
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return top;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at !== b.at ? a.at < b.at : a.seq < b.seq;
}
