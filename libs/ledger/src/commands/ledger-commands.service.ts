import { Inject, Injectable } from '@nestjs/common';
import { streams, type LedgerCommand } from '@ledger/domain';
import {
  handleCommand,
  type CommandOutcome,
  type RefusalLike,
} from '@ledger/event-store/handle-command';
import type { EventStore, JsonValue } from '@ledger/event-store/port';
import { EVENT_STORE } from '../tokens';
import { AGGREGATES } from './aggregates';
import { routingOf, type CommandRequest } from './command-routing';
import { ContextSource } from './context-source';
import { toDecisionLike } from './decision-like';
import { toJson } from './json';
import { toLedgerEvent } from './to-ledger-event';

export interface ExecuteOptions {
  /** Who sent the command (an API key's role and fingerprint, a CLI user); stored on every event. */
  actor?: string;
  correlationId?: string;
  /**
   * What the command's idempotency hash covers; the command's data when omitted. A caller that
   * fills in data of its own (such as a receive time) passes what the client actually sent, so a
   * re-delivery hashes the same.
   */
  input?: unknown;
}

/**
 * The application service every app uses to change the ledger: it names the stream, the command id
 * and the context of each command from one table ({@link ROUTING}) and runs the one generic write
 * path, `handleCommand`. It holds no business rule: those are the domain's `decide` functions.
 */
@Injectable()
export class LedgerCommands {
  private readonly context: ContextSource;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.context = new ContextSource(store);
  }

  async execute(
    request: CommandRequest | LedgerCommand,
    options: ExecuteOptions = {},
  ): Promise<CommandOutcome> {
    const routing = routingOf(request.type);
    const commandId = `${request.type}:${routing.naturalId(request.data as never)}`;
    const located = await this.locate(request);
    if ('kind' in located) return located;

    const command = { ...located, metadata: { commandId, actor: options.actor } } as LedgerCommand;
    const aggregate = AGGREGATES[routing.aggregate];
    return handleCommand(this.store, {
      streamId: aggregate.streamOf(command),
      commandId,
      input: toJson(options.input ?? request.data) as JsonValue,
      actor: options.actor,
      correlationId: options.correlationId,
      initialState: () => aggregate.initial(command),
      evolve: (state, event) => aggregate.evolve(state, toLedgerEvent(event)),
      loadContext: (state) => aggregate.loadContext(command, state, this.context),
      decide: (state, context) => toDecisionLike(aggregate.decide(command, state, context)),
    });
  }

  /** Fills in the account of commands that name only a payment, opportunity or dispute. */
  private async locate(
    request: CommandRequest | LedgerCommand,
  ): Promise<Omit<LedgerCommand, 'metadata'> | RefusalLike> {
    const lookup = routingOf(request.type).locate;
    if (!lookup)
      return { type: request.type, data: request.data } as Omit<LedgerCommand, 'metadata'>;
    const streamId = await this.store.lookupKey(lookup.key(request.data as never));
    const prefix = streams.account('');
    if (streamId === null || !streamId.startsWith(prefix)) {
      const { code, field, noun } = lookup.notFound;
      const id = (request.data as Record<string, unknown>)[field];
      return {
        kind: 'refused',
        code,
        field,
        message: `no ${noun} with id ${String(id)} is recorded`,
      };
    }
    const accountId = streamId.slice(prefix.length);
    return { type: request.type, data: { ...request.data, accountId } } as Omit<
      LedgerCommand,
      'metadata'
    >;
  }
}
