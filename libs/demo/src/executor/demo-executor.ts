import { streams, type AccountState, type LedgerCommand } from '@ledger/domain';
import { AGGREGATES } from '@ledger/core/commands/aggregates';
import { ROUTING, type CommandRequest, type CommandType, type Routing } from '@ledger/core/commands/command-routing';
import type { RefusalLike } from '@ledger/event-store/handle-command';
import type { EventStore } from '@ledger/event-store/port';
import type { DemoStep } from '../generator/journey';
import { AppendLanes } from './append-lanes';
import { DemoStats, type DemoFigures } from './demo-stats';
import { LedgerMemory } from './ledger-memory';
import { planAppend, type PlannedAppend } from './planned-append';

export interface ExecuteDemoOptions {
  /** Stop pulling commands once at least this many events were decided (all of them are appended). */
  targetEvents: number;
  /** Appends in flight at once, on different streams. */
  concurrency: number;
  /** Stored on every event's metadata, as the API stores the caller. */
  actor?: string;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  appended: number;
  decided: number;
  target: number;
  /** Business time of the latest command decided. */
  businessTime: string;
  elapsedMs: number;
}

export interface DemoRun {
  figures: DemoFigures;
  elapsedMs: number;
  /** Commands taken from the history (refused ones included): the same prefix replays the run. */
  commandsTaken: number;
  /** Most streams held in memory at once: bounded by the accounts under way, not by the history. */
  peakStreamsInMemory: number;
}

const PROGRESS_EVERY_MS = 200;

/**
 * Runs a demo history against the store exactly as the ledger's write path would decide it, but
 * fast: every stream's state stays in memory (folded with the domain's `evolve`), each command is
 * decided by the same aggregate table the application uses with the context it would load, and the
 * resulting append — same events, command id, input hash, lookup keys, exact expected revision — is
 * queued on its stream's lane while the next command is decided. The quarterly review reads account
 * histories from the store, so every pending append lands before it.
 *
 * The per-command idempotency lookup of `handleCommand` is skipped: every id of a demo carries a
 * prefix no stream in the store uses yet (checked by the caller). The store still enforces it, and
 * an append that turns out to be a duplicate stops the run.
 */
export async function executeDemo(store: EventStore, steps: Iterable<DemoStep>, options: ExecuteDemoOptions): Promise<DemoRun> {
  const started = Date.now();
  const memory = await LedgerMemory.load(store);
  const lanes = new AppendLanes(options.concurrency);
  const stats = new DemoStats();
  let taken = 0;
  let peak = 0;
  let reported = 0;
  for (const step of steps) {
    if (stats.eventCount >= options.targetEvents) break;
    if (step.kind === 'release') {
      memory.release(step.accountId);
      continue;
    }
    taken++;
    if (step.request.type === 'ReviewProtectedAccounts') await lanes.drain();
    const outcome = await decide(memory, step.request, options.actor);
    if ('kind' in outcome) {
      stats.command(step.request.type, step.at, outcome.code);
      continue;
    }
    stats.command(step.request.type, step.at);
    if (outcome.planned === null) continue;
    const { planned } = outcome;
    stats.recorded(planned.folded, sourcedAfterPayment(step.request, memory, planned.streamId));
    await lanes.add(planned.streamId, planned.events.length, () => appendPlanned(store, planned));
    peak = Math.max(peak, memory.size);
    const now = Date.now();
    if (options.onProgress && now - reported >= PROGRESS_EVERY_MS) {
      reported = now;
      options.onProgress({ appended: lanes.appended, decided: stats.eventCount, target: options.targetEvents, businessTime: step.at, elapsedMs: now - started });
    }
  }
  await lanes.drain();
  return { figures: stats.figures(), elapsedMs: Date.now() - started, commandsTaken: taken, peakStreamsInMemory: peak };
}

/**
 * Decides one command as `LedgerCommands.execute` does — same routing table, command id, lookup of
 * the account, aggregate, context and `decide` — against the state in memory, and folds the result
 * into memory at once so the next command sees it.
 */
async function decide(memory: LedgerMemory, request: CommandRequest, actor?: string): Promise<RefusalLike | { planned: PlannedAppend | null }> {
  const routing = ROUTING[request.type] as Routing<CommandType>;
  const commandId = `${request.type}:${routing.naturalId(request.data as never)}`;
  let data: object = request.data;
  if (routing.locate) {
    const streamId = await memory.locate(routing.locate.key(request.data as never));
    const prefix = streams.account('');
    if (streamId === null || !streamId.startsWith(prefix)) {
      const { code, field, noun } = routing.locate.notFound;
      const id = (request.data as Record<string, unknown>)[field];
      return { kind: 'refused', code, field, message: `no ${noun} with id ${String(id)} is recorded` };
    }
    data = { ...request.data, accountId: streamId.slice(prefix.length) };
  }
  const command = { type: request.type, data, metadata: { commandId, actor } } as LedgerCommand;
  const aggregate = AGGREGATES[routing.aggregate];
  const streamId = aggregate.streamOf(command);
  const entry = memory.open(streamId, () => aggregate.initial(command));
  const context = await aggregate.loadContext(command, entry.state, memory.context);
  const decision = aggregate.decide(command, entry.state, context);
  const planned = planAppend(decision, { streamId, commandId, input: request.data, actor, revision: entry.revision });
  if (planned === null || 'kind' in planned) return planned ?? { planned: null };
  memory.commit(streamId, entry, planned.folded, planned.options.keys ?? [], aggregate.evolve);
  return { planned };
}

/**
 * Memory already holds this append's outcome, so any failure (another writer moved a shared stream,
 * the command was already recorded) means memory and store disagree: the run stops, saying where.
 */
async function appendPlanned(store: EventStore, planned: PlannedAppend): Promise<void> {
  const commandId = planned.options.command?.commandId;
  let duplicate: boolean;
  try {
    duplicate = (await store.append(planned.streamId, planned.events, planned.options)).duplicate;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the demo stopped: appending ${commandId} to ${planned.streamId} failed: ${reason}`, { cause: error });
  }
  if (duplicate) throw new Error(`the demo stopped: ${commandId} was already recorded; a demo's ids must be new to the store`);
}

/** The partner the ledger names sourced right after a payment was recorded (null for others). */
function sourcedAfterPayment(request: CommandRequest, memory: LedgerMemory, streamId: string): string | null {
  if (request.type !== 'RecordPayment') return null;
  return (memory.get(streamId)?.state as AccountState | undefined)?.attribution?.sourced ?? null;
}
