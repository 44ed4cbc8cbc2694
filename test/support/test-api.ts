import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { EVENT_STORE } from '@ledger/core';
import type { EventStore } from '@ledger/event-store/port';
import { createApp } from '../../apps/api/src/main';
import { createTestLedger, type TestLedger } from './test-store';

/** One API key per role the specs use. */
export const KEYS = {
  ingest: 'e2e-ingest-key-0001',
  manager: 'e2e-manager-key-0001',
  finance: 'e2e-finance-key-0001',
  admin: 'e2e-admin-key-0001',
  partnerAcme: 'e2e-partner-acme-key',
} as const;

/** The real application on a throw-away store, and helpers to talk to it. */
export interface TestApi {
  app: NestExpressApplication;
  store: EventStore;
  storeName: string;
  /** A supertest agent with the given key already in `Authorization`. */
  post(path: string, key: string, body: unknown): request.Test;
  get(path: string, key: string): request.Test;
  close(): Promise<void>;
}

export async function startTestApi(): Promise<TestApi> {
  const ledger: TestLedger = await createTestLedger([
    { key: KEYS.ingest, role: 'ingest' },
    { key: KEYS.manager, role: 'manager' },
    { key: KEYS.finance, role: 'finance' },
    { key: KEYS.admin, role: 'admin' },
    { key: KEYS.partnerAcme, role: 'partner:p_acme' },
  ]);
  const app = await createApp(ledger.config).catch(async (error: unknown) => {
    await ledger.destroy();
    throw error;
  });
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    store: app.get<EventStore>(EVENT_STORE),
    storeName: ledger.storeName,
    post: (path, key, body) =>
      request(server)
        .post(path)
        .set('Authorization', `Bearer ${key}`)
        .send(body as object),
    get: (path, key) => request(server).get(path).set('Authorization', `Bearer ${key}`),
    close: async () => {
      await app.close();
      await ledger.destroy();
    },
  };
}
