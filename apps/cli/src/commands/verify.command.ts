import { InvalidArgumentError, type Command } from 'commander';
import type { IntegrityReport } from '@ledger/event-store/port';
import { eventsProgressBar } from './events-progress';
import { countEvents, openReadSide, type ReadSide } from './open-read-side';
import { renderVerifyReport, type VerifyReport } from './verify-report';
import { verifyReadModels, type ReadModelVerification } from './verify-read-models';

interface VerifyOptions {
  json?: boolean;
  replay: boolean;
  maxRows: number;
}

/**
 * `ledger verify` (SPEC §6): (a) the hash chain of every stream and the chain of seals are intact,
 * naming the first broken stream revision or position; (b) a fresh replay of the whole log equals the
 * live read models, naming every row that differs. Exit 1 when either fails.
 */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'recompute every hash chain and seal, replay the log into a scratch schema and compare it with the live read models; exit 1 and name what differs',
    )
    .option('--json', 'print the report as JSON')
    .option('--no-replay', 'check the hash chains and seals only')
    .option('--max-rows <n>', 'differing rows shown per table', positiveInteger, 20)
    .addHelpText(
      'after',
      '\nThe replay goes to <read schema>_verify_<random>, dropped at the end. The live read models are\n' +
        'first brought to the head of the log (or, when a worker runs them, awaited), and both sides are\n' +
        'compared at the same checkpoint. Progress goes to stderr.',
    )
    .action(async (options: VerifyOptions) => {
      const readSide = await openReadSide();
      let report: VerifyReport;
      try {
        const integrity = await readSide.store.verifyIntegrity();
        const readModels = options.replay ? await replayAndCompare(readSide, options) : null;
        report = verdict(integrity, readModels);
      } finally {
        await readSide.close();
      }
      if (options.json) {
        console.log(
          JSON.stringify(report, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2),
        );
      } else {
        console.log(renderVerifyReport(report));
      }
      process.exitCode = report.ok ? 0 : 1;
    });
}

/** The replay and comparison; a replay that fails (a tampered event it cannot apply) is a finding, not a crash. */
async function replayAndCompare(
  readSide: ReadSide,
  options: VerifyOptions,
): Promise<ReadModelVerification | { ok: false; error: string }> {
  const total = await countEvents(readSide.store);
  const bar = eventsProgressBar('verify: replaying the log');
  try {
    return await verifyReadModels(readSide, {
      maxShown: options.maxRows,
      onProgress: (eventsRead) => bar.update({ eventsRead, total }),
    });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    bar.stop();
  }
}

function verdict(integrity: IntegrityReport, readModels: VerifyReport['readModels']): VerifyReport {
  return { ok: integrity.ok && (readModels?.ok ?? true), integrity, readModels };
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1)
    throw new InvalidArgumentError('must be a positive whole number');
  return n;
}
