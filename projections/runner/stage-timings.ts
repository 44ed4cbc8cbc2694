/**
 * Where a runner's time goes, for benchmarks and operators tuning a rebuild: milliseconds and
 * counts per stage (`read`, `evolve:<projection>`, `merge`, `serialize`, `apply:<table>`, …).
 * Stages overlap when the runner pipelines them, so their sum can exceed the elapsed time.
 */
export class StageTimings {
  private readonly stages = new Map<string, { ms: number; count: number }>();

  add(stage: string, ms: number, count = 1): void {
    const entry = this.stages.get(stage);
    if (entry === undefined) this.stages.set(stage, { ms, count });
    else {
      entry.ms += ms;
      entry.count += count;
    }
  }

  /** Every stage, the slowest first. */
  report(): { stage: string; ms: number; count: number }[] {
    return [...this.stages.entries()]
      .map(([stage, { ms, count }]) => ({ stage, ms: Math.round(ms), count }))
      .sort((a, b) => b.ms - a.ms);
  }
}
