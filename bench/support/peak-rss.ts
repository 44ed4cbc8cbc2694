import { readFileSync } from 'node:fs';

/**
 * This process's peak resident set in MB: the high-water mark of its own memory (`VmHWM`). Not
 * `process.resourceUsage().maxRSS`: Linux keeps that figure across exec, so a child spawned by a
 * large parent (as `npm run bench` spawns each measurement) would report the parent's size.
 */
export function peakRssMb(pid: number | 'self' = 'self'): number {
  try {
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    if (Number.isFinite(kb)) return Math.round(kb / 1024);
  } catch {
    // no /proc (not Linux): fall back to what Node reports
  }
  if (pid !== 'self') return NaN;
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
