import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP API on $PORT (default 3000); on the embedded default it also runs the projections')
    .action(async () => {
      // Loaded lazily so that `ledger verify` does not pay for booting Nest.
      const { bootstrap } = await import('../../../api/src/main');
      await bootstrap();
    });
}
