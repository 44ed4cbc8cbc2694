import { readFileSync } from 'node:fs';
import type { SqlQueryable } from '@ledger/event-store/sql';

/**
 * CPU seconds spent by this process and by the PostgreSQL backends serving it, for benchmarks on a
 * shared machine: wall-clock figures swing with whatever else runs, CPU time much less, so the two
 * together say whether a change made the work cheaper or the machine was just quieter.
 *
 * Backends are found by `application_name` (set it in the connection string). Reading their CPU time
 * needs the database on this machine (`/proc`); elsewhere `dbCpuSeconds` is null.
 */
export class CpuMeter {
  private readonly startNode = process.cpuUsage();
  /** CPU seconds per backend when first and last seen: a backend may close before the end. */
  private readonly backends = new Map<number, { first: number; last: number }>();
  private timer: NodeJS.Timeout | null = null;
  private sampling: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: SqlQueryable | null,
    private readonly applicationName: string,
  ) {}

  static async start(db: SqlQueryable | null, applicationName: string): Promise<CpuMeter> {
    const meter = new CpuMeter(db, applicationName);
    if (db !== null) {
      await meter.sample(true);
      meter.timer = setInterval(() => {
        meter.sampling = meter.sampling.then(() => meter.sample(false)).catch(() => undefined);
      }, 500);
      // A measurement that throws before stop() must not keep the benchmark process alive.
      meter.timer.unref();
    }
    return meter;
  }

  async stop(): Promise<{ nodeCpuSeconds: number; dbCpuSeconds: number | null }> {
    const node = process.cpuUsage(this.startNode);
    if (this.timer) clearInterval(this.timer);
    await this.sampling;
    if (this.db !== null) await this.sample(false);
    let db: number | null = null;
    for (const { first, last } of this.backends.values()) db = (db ?? 0) + last - first;
    return {
      nodeCpuSeconds: round((node.user + node.system) / 1e6),
      dbCpuSeconds: db === null ? null : round(db),
    };
  }

  /** Backends seen first at the start count from there; later ones from zero (they are new). */
  private async sample(atStart: boolean): Promise<void> {
    const rows = await this.db!.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = $1`,
      [this.applicationName],
    );
    for (const { pid } of rows) {
      const seconds = procCpuSeconds(Number(pid));
      if (seconds === null) continue;
      const known = this.backends.get(Number(pid));
      if (known) known.last = seconds;
      else this.backends.set(Number(pid), { first: atStart ? seconds : 0, last: seconds });
    }
  }
}

/** utime + stime of a process from /proc, or null when it cannot be read. */
export function procCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

/** The connection string with `application_name` set, so the backends can be found. */
export function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
}
