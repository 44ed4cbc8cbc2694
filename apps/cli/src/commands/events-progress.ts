import { Presets, SingleBar } from 'cli-progress';

/** What a long replay reports after each page it applied. */
export interface EventsProgress {
  /** Events read so far. */
  eventsRead: number;
  /** Events the job expects to read in all (an estimate: the log may grow meanwhile). */
  total: number;
}

export interface EventsProgressBar {
  update(progress: EventsProgress): void;
  stop(): void;
}

/**
 * A bar on stderr for jobs that replay the log (`ledger rebuild`, `ledger verify`): events done,
 * events/s and ETA, so stdout stays clean for `--json`. It starts at the first report, which comes
 * after the first page has committed: a job refused before it began prints no bar, and the first
 * line is proof that the job is under way. Without a terminal (CI logs, a pipe) it prints a plain line
 * at that first report and then every `notTtyEveryMs` milliseconds, instead of redrawing in place.
 */
export function eventsProgressBar(
  label: string,
  options: { notTtyEveryMs?: number } = {},
): EventsProgressBar {
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${label} |{bar}| {percentage}% | {value}/{total} events | {eps} events/s | ETA {eta_formatted}`,
      etaBuffer: 20,
      fps: 5,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: options.notTtyEveryMs ?? 5_000,
    },
    Presets.shades_classic,
  );
  const startedAt = Date.now();
  let started = false;
  return {
    update({ eventsRead, total }) {
      const eps = Math.round((eventsRead * 1000) / Math.max(1, Date.now() - startedAt));
      // The estimate can fall short when events were appended after it was taken.
      const shownTotal = Math.max(total, eventsRead);
      if (!started) {
        started = true;
        bar.start(shownTotal, eventsRead, { eps });
        return;
      }
      bar.setTotal(shownTotal);
      bar.update(eventsRead, { eps });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
