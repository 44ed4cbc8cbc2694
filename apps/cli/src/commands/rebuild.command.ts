import { InvalidArgumentError, type Command } from 'commander';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { formatPositionToken } from '@ledger/projections/runner/checkpoint';
import type { RebuildProgress } from '@ledger/projections/runner/projection-runner';
import { eventsProgressBar } from './events-progress';
import { countEvents, openReadSide } from './open-read-side';

const PROJECTION_NAMES = ALL_PROJECTIONS.map((p) => p.name);

interface RebuildOptions {
  batchSize?: number;
}

/**
 * `ledger rebuild [projection…]` (SPEC §6): drops the named read models (all when none is named) and
 * replays the whole log into them. Until a projection's replay has finished, its stored version is 0,
 * so a rebuild killed midway is simply done again by the next rebuild or the next worker start.
 */
export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .description('drop the named read models (all when none is named) and replay the log into them')
    .argument('[projection...]', `projections to rebuild: ${PROJECTION_NAMES.join(', ')}`)
    .option(
      '--batch-size <n>',
      'events read and applied per transaction (default 2000, at most 10000)',
      batchSize,
    )
    .addHelpText(
      'after',
      '\nOn PostgreSQL, stop the worker (or `ledger serve`) first: only one process may run the projections.\n' +
        'Progress (events/s, ETA) goes to stderr; the summary to stdout.',
    )
    .action(async (names: string[], options: RebuildOptions) => {
      const chosen = chooseProjections(names);
      const readSide = await openReadSide();
      const bar = eventsProgressBar('rebuild');
      let last: RebuildProgress | null = null;
      let started = Date.now();
      try {
        const total = await countEvents(readSide.store);
        started = Date.now();
        await readSide.liveRunner({ batchSize: options.batchSize }).rebuild(chosen, (progress) => {
          last = progress;
          bar.update({ eventsRead: progress.eventsRead, total });
        });
      } finally {
        bar.stop();
        await readSide.close();
      }
      console.log(summary(chosen, last, Date.now() - started));
    });
}

/** The projections to rebuild, in the order the runner creates them; every one when none is named. */
export function chooseProjections(names: readonly string[]): string[] {
  const unknown = names.filter((name) => !PROJECTION_NAMES.includes(name));
  if (unknown.length > 0) {
    const which = unknown.map((name) => `"${name}"`).join(', ');
    throw new Error(
      `unknown projection ${which}; valid projections are: ${PROJECTION_NAMES.join(', ')}`,
    );
  }
  if (names.length === 0) return [...PROJECTION_NAMES];
  return PROJECTION_NAMES.filter((name) => names.includes(name));
}

function summary(chosen: string[], last: RebuildProgress | null, elapsedMs: number): string {
  const events = last?.eventsRead ?? 0;
  const rate = Math.round((events * 1000) / Math.max(1, elapsedMs));
  const upTo = last === null ? 'the log is empty' : `up to ${formatPositionToken(last.checkpoint)}`;
  return `rebuilt ${chosen.join(', ')}: ${events} events in ${(elapsedMs / 1000).toFixed(1)} s (${rate} events/s), ${upTo}`;
}

function batchSize(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 10_000)
    throw new InvalidArgumentError('must be a whole number from 1 to 10000');
  return n;
}
