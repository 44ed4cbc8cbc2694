import { LedgerCommands } from '@ledger/core/commands/ledger-commands.service';
import { ROUTING, type CommandRequest, type CommandType, type Routing } from '@ledger/core/commands/command-routing';
import type { EventStore } from '@ledger/event-store/port';
import { createPgliteClient, SqlEventStore, type PgliteClient } from '@ledger/event-store/sql';
import { generateDemo } from '../generator/demo-generator';
import { denseProfile } from '../profile/demo-profile';
import { executeDemo } from './demo-executor';

/**
 * The demo's fast path must record exactly what the ledger's application service records for the
 * same commands. A dense history (every rare fact made common) runs once through the executor and
 * once, command by command, through `LedgerCommands.execute`, each on a fresh store; then every
 * stream, every command record and every lookup key is compared.
 */
describe('the demo executor against the application service', () => {
  const TARGET = 900;
  const demo = () => generateDemo({ seed: 11, targetEvents: TARGET, profile: denseProfile() });
  let client: PgliteClient;
  let fast: SqlEventStore;
  let app: SqlEventStore;
  let commands: CommandRequest[];
  let appRefusals: string[];
  let executorRefusals: Record<string, number>;

  beforeAll(async () => {
    client = await createPgliteClient();
    fast = await SqlEventStore.open(client, { schema: 'demo_fast', closeClient: false });
    app = await SqlEventStore.open(client, { schema: 'demo_app', closeClient: false });

    const run = await executeDemo(fast, demo().steps, { targetEvents: TARGET, concurrency: 4, actor: 'cli:demo' });
    executorRefusals = run.figures.refusals;
    commands = firstCommands(demo().steps, run.commandsTaken);
    const ledger = new LedgerCommands(app);
    appRefusals = [];
    for (const command of commands) {
      const outcome = await ledger.execute(command, { actor: 'cli:demo' });
      if (outcome.kind === 'refused') appRefusals.push(outcome.code);
    }
  }, 180_000);

  afterAll(async () => {
    await fast?.close();
    await app?.close();
    await client?.close();
  });

  it('runs a history that sends every command type of the ledger', () => {
    const sent = new Set(commands.map((c) => c.type));
    expect([...sent].sort()).toEqual(Object.keys(ROUTING).sort());
  });

  it('appends the same events to every stream: type, data, business time, id, revision and command', async () => {
    const executed = await streamsOf(fast);
    const decided = await streamsOf(app);
    expect(executed.size).toBeGreaterThan(50);
    expect([...executed.keys()].sort()).toEqual([...decided.keys()].sort());
    for (const [streamId, events] of decided) expect({ streamId, events: executed.get(streamId) }).toEqual({ streamId, events });
  });

  it('records every derived decision of the ledger along the way', async () => {
    const types = new Set([...(await streamsOf(fast)).values()].flat().map((e) => e.type));
    for (const derived of [
      'DealRegistrationAccepted', 'DealRegistrationRejected', 'DealRegistrationExpired', 'AttributionDecided',
      'CommissionEarned', 'CommissionReversed', 'CommissionClawedBack', 'CommissionReassigned', 'CommissionsHeld',
      'CommissionsReleased', 'PartnerWarned', 'PartnerRemoved', 'ProtectionRevoked',
    ]) {
      expect({ derived, recorded: types.has(derived) }).toEqual({ derived, recorded: true });
    }
  });

  it('stores the same command records (input hash and answer) and lookup keys', async () => {
    for (const command of commands) {
      const commandId = `${command.type}:${(ROUTING[command.type] as Routing<CommandType>).naturalId(command.data as never)}`;
      expect({ commandId, record: await fast.findCommand(commandId) }).toEqual({ commandId, record: await app.findCommand(commandId) });
      if (command.type === 'RecordPayment') {
        const key = `payment:${command.data.paymentId}`;
        expect(await fast.lookupKey(key)).toBe(await app.lookupKey(key));
      }
    }
  });

  it('refuses exactly what the application refuses (here: nothing)', () => {
    expect(executorRefusals).toEqual({});
    expect(appRefusals).toEqual([]);
  });

  it('leaves hash chains the integrity check accepts', async () => {
    const report = await fast.verifyIntegrity();
    expect(report.problems).toEqual([]);
    expect(report.eventsChecked).toBeGreaterThanOrEqual(TARGET);
  });
});

function firstCommands(steps: ReturnType<typeof generateDemo>['steps'], count: number): CommandRequest[] {
  const commands: CommandRequest[] = [];
  for (const step of steps) {
    if (commands.length === count) break;
    if (step.kind === 'command') commands.push(step.request);
  }
  return commands;
}

interface ComparedEvent {
  revision: number;
  type: string;
  eventId: string;
  occurredAt: string;
  data: unknown;
  commandId: unknown;
  actor: unknown;
}

async function streamsOf(store: EventStore): Promise<Map<string, ComparedEvent[]>> {
  const byStream = new Map<string, ComparedEvent[]>();
  for (let page = await store.readAll({ limit: 1000 }); page.events.length > 0; page = await store.readAll({ after: page.checkpoint, limit: 1000 })) {
    for (const e of page.events) {
      const list = byStream.get(e.streamId) ?? [];
      list.push({ revision: e.streamRevision, type: e.type, eventId: e.eventId, occurredAt: e.occurredAt, data: e.data, commandId: e.metadata.commandId, actor: e.metadata.actor });
      byStream.set(e.streamId, list);
    }
  }
  for (const list of byStream.values()) list.sort((a, b) => a.revision - b.revision);
  return byStream;
}
