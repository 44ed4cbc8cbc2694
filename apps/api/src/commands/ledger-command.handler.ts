import { Inject, Injectable, Optional } from '@nestjs/common';
import { LedgerCommands, type CommandRequest } from '@ledger/core';
import { countCommand } from '../metrics/count-command';
import { LedgerMetrics } from '../metrics/ledger-metrics';
import { answerOf, type CommandAnswer } from './command-answer';
import type { HttpCommand } from './http-command';

/**
 * The thin handler every use case extends: it builds the domain command from the request and runs
 * it through `LedgerCommands`. No business rule lives here; refusals come back from the domain.
 * Every command, sent alone or in a batch, is counted by type and outcome here.
 */
@Injectable()
export abstract class LedgerCommandHandler<C extends HttpCommand<object, object>> {
  constructor(
    @Inject(LedgerCommands) private readonly ledger: LedgerCommands,
    @Optional() @Inject(LedgerMetrics) private readonly metrics?: LedgerMetrics,
  ) {}

  protected abstract toCommand(input: C['input']): CommandRequest;

  /** What the idempotency hash covers: the validated request, unless a handler adds data of its own. */
  protected hashedInput(_input: C['input']): unknown {
    return undefined;
  }

  async execute(command: C): Promise<CommandAnswer> {
    const { context } = command.input;
    const request = this.toCommand(command.input);
    const outcome = await countCommand(this.metrics, request.type, () =>
      this.ledger.execute(request, {
        actor: context.actor,
        correlationId: context.correlationId,
        input: this.hashedInput(command.input),
      }),
    );
    return answerOf(outcome);
  }
}
