import type { CommandOutcome } from '@ledger/core';
import { toProblem } from '../problems/problem-mapping';
import type { CommandOutcomeLabel, LedgerMetrics } from './ledger-metrics';

/**
 * Runs one command and counts how it ended in `ledger_commands_total`. A thrown error is classified
 * by the same mapping that answers it over HTTP, so the metric and the status codes never disagree:
 * 409 is a conflict, another 4xx a refusal, anything else an error. Without metrics (the CLI, specs
 * that build services by hand) the command simply runs.
 */
export async function countCommand(
  metrics: LedgerMetrics | undefined,
  type: string,
  run: () => Promise<CommandOutcome>,
): Promise<CommandOutcome> {
  if (!metrics) return run();
  try {
    const outcome = await run();
    metrics.countCommand(type, outcomeLabel(outcome));
    return outcome;
  } catch (error) {
    metrics.countCommand(type, errorLabel(error));
    throw error;
  }
}

export function outcomeLabel(outcome: CommandOutcome): CommandOutcomeLabel {
  if (outcome.kind === 'refused') return 'refused';
  return outcome.duplicate ? 'duplicate' : 'accepted';
}

export function errorLabel(error: unknown): CommandOutcomeLabel {
  const { status } = toProblem(error);
  if (status === 409) return 'conflict';
  return status < 500 ? 'refused' : 'error';
}
