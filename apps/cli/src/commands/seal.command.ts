import type { Command } from 'commander';
import { openConfiguredStore } from './open-store';

export function registerSeal(program: Command): void {
  program
    .command('seal')
    .description('extend the chain of seals over every event appended since the last seal')
    .option('--max-events <n>', 'events per seal', (v) => Number.parseInt(v, 10), 10_000)
    .action(async (options: { maxEvents: number }) => {
      const { store } = await openConfiguredStore();
      try {
        const seals = await store.seal({ maxEventsPerSeal: options.maxEvents });
        for (const s of seals) {
          console.log(`seal ${s.sealNumber}: ${s.eventCount} events up to ${s.upTo.transactionId}:${s.upTo.globalPosition} ${s.hash}`);
        }
        if (seals.length === 0) console.log('nothing new to seal');
      } finally {
        await store.close();
      }
    });
}
