import type { ReadAllPage } from '@ledger/event-store/port';
import type { Projection } from '../projection';
import { commitPages, preparePage, type PageTarget, type PreparedPage } from './apply-page';

/** A page prepared for every projection, waiting to be committed. */
export interface PreparedSet {
  prepared: Map<Projection, PreparedPage>;
  events: number;
  /** Bytes of rows the page produced, all projections together. */
  bytes: number;
}

/** Pages committing while the next one is prepared; more would only hold more memory. */
const PAGES_IN_FLIGHT = 1;

/** A reassignment must shorten the busiest lane by this share to be worth a pause of the pipeline. */
const REBALANCE_GAIN = 0.1;

/**
 * Commits pages on several connections at once. Each projection has its rows and its checkpoint in
 * its own lane's transaction, so it stays atomic on its own (SPEC §1: rows and checkpoint commit
 * together), and each lane commits its pages strictly in log order, so a projection never moves
 * backwards. Lanes run side by side: the database writes the timeline on one connection while it
 * writes the money tables on another.
 *
 * Projections are spread over the lanes by the time the database has spent committing their rows so
 * far (by the bytes of rows they have produced until one of their pages has committed), the
 * busiest first onto the least loaded lane. Bytes alone misjudge it: a row of a plain INSERT costs
 * the database far less than a row that merges into an indexed table. A projection changes lane only at a barrier, once every page in
 * flight has committed, so two of its pages never commit out of order.
 */
export class CommitLanes {
  private readonly tails: Promise<void>[];
  private readonly inFlight: { done: Promise<void>; events: number }[] = [];
  private readonly bytes = new Map<string, number>();
  /** Milliseconds each projection's pages have taken to commit, their lane's time shared by bytes. */
  private readonly ms = new Map<string, number>();
  private assignment: Projection[][] | null = null;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly target: PageTarget,
    private readonly projections: readonly Projection[],
    private readonly lanes: number,
    /** Called once per page, in log order, when all of its lanes have committed. */
    private readonly onCommitted: (events: number) => void,
  ) {
    this.tails = Array.from({ length: Math.max(1, lanes) }, () => Promise.resolve());
  }

  /**
   * Evolves, merges and serialises a page for every projection (CPU only). Separate from
   * {@link commit} so the caller can size its next read by what this page produced.
   */
  prepare(page: ReadAllPage): PreparedSet {
    const prepared = new Map<Projection, PreparedPage>();
    let bytes = 0;
    for (const projection of this.projections) {
      const one = preparePage(this.target, page, [projection]);
      prepared.set(projection, one);
      bytes += one.bytes;
      this.bytes.set(projection.name, (this.bytes.get(projection.name) ?? 0) + one.bytes);
    }
    return { prepared, events: page.events.length, bytes };
  }

  /**
   * Queues the commits of prepared slices of the log, in log order, as one transaction per lane;
   * resolves when another page may be prepared.
   */
  async commit(sets: readonly PreparedSet[]): Promise<void> {
    this.throwIfFailed();
    const last = sets[sets.length - 1];
    if (last === undefined) return;
    const assignment = this.assign(last.prepared);
    if (assignment !== this.assignment) {
      // Barrier: the lanes change hands only when nothing is in flight.
      await this.settleAll();
      this.throwIfFailed();
      this.assignment = assignment;
    }
    const commits = assignment.map((lane, index) => {
      const work = sets.flatMap((set) => lane.map((projection) => set.prepared.get(projection)!));
      const tail = this.tails[index]!.then(async () => {
        const started = performance.now();
        await commitPages(this.target, work);
        this.charge(lane, sets, performance.now() - started);
      });
      this.tails[index] = tail;
      return tail;
    });
    const done = Promise.all(commits).then(() => undefined);
    // The failure is taken in settle; until then the rejection must not count as unhandled.
    done.catch(() => undefined);
    this.inFlight.push({ done, events: sets.reduce((sum, set) => sum + set.events, 0) });
    while (this.inFlight.length > PAGES_IN_FLIGHT) await this.settleOldest();
  }

  /** Waits for every page in flight; throws the first failure after all of them have settled. */
  async finish(): Promise<void> {
    await this.settleAll();
    this.throwIfFailed();
  }

  /** The current assignment, or a better one when it shortens the busiest lane enough. */
  private assign(prepared: Map<Projection, PreparedPage>): Projection[][] {
    const balanced = spread([...prepared.keys()], this.tails.length, (p) => this.cost(p));
    if (this.assignment === null) return balanced;
    const busiest = (lanes: Projection[][]) =>
      Math.max(...lanes.map((lane) => lane.reduce((sum, p) => sum + this.cost(p), 0)));
    const now = busiest(this.assignment);
    return busiest(balanced) < now * (1 - REBALANCE_GAIN) ? balanced : this.assignment;
  }

  private cost(projection: Projection): number {
    return this.ms.get(projection.name) ?? this.bytes.get(projection.name) ?? 0;
  }

  /** Shares a lane's commit time among its projections by the bytes each of them sent in it. */
  private charge(lane: readonly Projection[], sets: readonly PreparedSet[], ms: number): void {
    const sent = lane.map((p) => sets.reduce((sum, set) => sum + set.prepared.get(p)!.bytes, 0));
    const total = sent.reduce((sum, bytes) => sum + bytes, 0);
    lane.forEach((projection, i) => {
      const share = total > 0 ? sent[i]! / total : 1 / lane.length;
      this.ms.set(projection.name, (this.ms.get(projection.name) ?? 0) + ms * share);
    });
  }

  private async settleOldest(): Promise<void> {
    const oldest = this.inFlight.shift();
    if (oldest === undefined) return;
    const started = performance.now();
    try {
      await oldest.done;
      this.target.timings?.add('wait:commit', performance.now() - started);
      if (this.failure === null) this.onCommitted(oldest.events);
    } catch (error) {
      this.failure ??= { error };
    }
  }

  private async settleAll(): Promise<void> {
    while (this.inFlight.length > 0) await this.settleOldest();
    // A lane whose page failed skipped its later pages; wait for every lane to be idle anyway.
    await Promise.allSettled(this.tails);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

/** The projections over `lanes` lanes, the costliest first onto the least loaded lane. */
export function spread<T>(items: readonly T[], lanes: number, cost: (item: T) => number): T[][] {
  const result: T[][] = Array.from({ length: lanes }, () => []);
  const load = new Array<number>(lanes).fill(0);
  const byCost = items.map((item, index) => ({ item, index, cost: cost(item) }));
  byCost.sort((a, b) => b.cost - a.cost || a.index - b.index);
  for (const { item, cost: c } of byCost) {
    const lane = load.indexOf(Math.min(...load));
    result[lane]!.push(item);
    load[lane]! += c;
  }
  // Empty lanes are dropped: a lane with no projection would commit nothing.
  return result.filter((lane) => lane.length > 0);
}
