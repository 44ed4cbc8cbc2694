import type { Command } from 'commander';
import type { EventStore } from '@ledger/event-store/port';
import { RefusalException } from '../problems/refusal.exception';
import { ExplainPayoutService } from './explain-payout.service';
import { renderExplanation } from './explanation.table';

/**
 * `ledger explain <payoutId>`: the payout's lines as a table (or `--json`), read from the store alone,
 * so it needs no read model and no running server.
 */
export function registerExplain(
  program: Command,
  open: () => Promise<{ store: EventStore }>,
): void {
  program
    .command('explain <payoutId>')
    .description(
      'every line of a payout: payment, attribution, rule, plan version, rate, rounding and source events',
    )
    .option('--json', 'print the explanation as JSON')
    .action(async (payoutId: string, options: { json?: boolean }) => {
      const { store } = await open();
      try {
        const explanation = await new ExplainPayoutService(store).explain(payoutId);
        console.log(
          options.json ? JSON.stringify(explanation, null, 2) : renderExplanation(explanation),
        );
      } catch (error) {
        if (!(error instanceof RefusalException)) throw error;
        console.error(error.refusal.message);
        process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
