import { Test } from '@nestjs/testing';
import { TerminusModule } from '@nestjs/terminus';
import { EVENT_STORE } from '@ledger/core';
import type { Checkpoint } from '@ledger/event-store/port';
import { ALL_PROJECTIONS } from '@ledger/projections';
import type { ServerResponse } from 'node:http';
import { ShutdownState } from '../http/shutdown-state';
import { READ_MODEL_DATABASE } from '../read-side/read-models';
import { HealthController } from './health.http.controller';

/** The parts of a response the controller writes. */
function fakeResponse() {
  const headers: Record<string, unknown> = {};
  const response = {
    statusCode: 0,
    body: '',
    headers,
    setHeader: (name: string, value: unknown) => void (headers[name] = value),
    end: (text: string) => void (response.body = text),
  };
  return response;
}

interface Setup {
  ping: () => Promise<void>;
  head?: Checkpoint;
  /** Stored checkpoints by projection name, as `projection_checkpoints` rows. */
  checkpoints?: Record<string, Checkpoint>;
  draining?: boolean;
}

async function checkWith(setup: Setup, route: 'check' | 'live' = 'check') {
  const head = setup.head ?? { transactionId: 0n, globalPosition: 0n };
  const rows = Object.entries(setup.checkpoints ?? {}).map(([name, c]) => ({
    name,
    version: 1,
    transaction_id: c.transactionId.toString(),
    global_position: c.globalPosition.toString(),
  }));
  const shutdown = new ShutdownState();
  if (setup.draining) shutdown.begin();
  const module = await Test.createTestingModule({
    imports: [TerminusModule.forRoot({ logger: false })],
    controllers: [HealthController],
    providers: [
      {
        provide: EVENT_STORE,
        useValue: { name: 'postgres', ping: setup.ping, headCheckpoint: async () => head },
      },
      {
        provide: READ_MODEL_DATABASE,
        useValue: { schema: 'ledger_read', db: { query: async () => rows } },
      },
      { provide: ShutdownState, useValue: shutdown },
    ],
  }).compile();
  const response = fakeResponse();
  const controller = module.get(HealthController);
  if (route === 'live') controller.live(response as unknown as ServerResponse);
  else await controller.check(response as unknown as ServerResponse);
  await module.close();
  return {
    status: response.statusCode,
    body: JSON.parse(response.body) as Record<string, unknown>,
  };
}

const NAMES = ALL_PROJECTIONS.map((p) => p.name);

describe('GET /health', () => {
  it('answers 200 with the store reachable and every projection caught up with the head', async () => {
    const head = { transactionId: 900n, globalPosition: 42n };
    const answer = await checkWith({
      ping: async () => undefined,
      head,
      checkpoints: Object.fromEntries(NAMES.map((name) => [name, head])),
    });
    expect(answer).toEqual({
      status: 200,
      body: {
        status: 'ok',
        store: { name: 'postgres', reachable: true },
        projections: {
          head: '900:42',
          caughtUp: true,
          items: NAMES.map((name) => ({ name, position: '900:42', caughtUp: true, lag: 0 })),
        },
      },
    });
  });

  it('reports how far a projection is behind, and stays ready: stale reads are still reads', async () => {
    const head = { transactionId: 900n, globalPosition: 42n };
    const behind = { transactionId: 800n, globalPosition: 30n };
    const answer = await checkWith({
      ping: async () => undefined,
      head,
      checkpoints: { ...Object.fromEntries(NAMES.map((name) => [name, head])), journal: behind },
    });
    expect(answer.status).toBe(200);
    const projections = answer.body.projections as { caughtUp: boolean; items: unknown[] };
    expect(projections.caughtUp).toBe(false);
    expect(projections.items).toContainEqual({
      name: 'journal',
      position: '800:30',
      caughtUp: false,
      lag: 12,
    });
    // A projection that never ran is behind by the whole log.
    const fresh = await checkWith({ ping: async () => undefined, head });
    expect((fresh.body.projections as { items: unknown[] }).items[0]).toMatchObject({
      position: null,
      caughtUp: false,
      lag: 42,
    });
  });

  it('answers 503 when the store does not answer its ping', async () => {
    expect(
      await checkWith({ ping: async () => Promise.reject(new Error('ECONNREFUSED')) }),
    ).toEqual({
      status: 503,
      body: {
        status: 'error',
        store: { name: 'postgres', reachable: false },
        projections: null,
      },
    });
  });

  it('answers 503 while the process drains, so load balancers stop sending work', async () => {
    const answer = await checkWith({ ping: async () => undefined, draining: true });
    expect(answer.status).toBe(503);
    expect(answer.body.status).toBe('draining');
  });
});

describe('GET /health/live', () => {
  it('answers 200 without asking the store', async () => {
    const ping = jest.fn(async () => Promise.reject(new Error('down')));
    expect(await checkWith({ ping }, 'live')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(ping).not.toHaveBeenCalled();
  });
});
