import { KEYS, startTestApi, type TestApi } from '../../../../test/support/test-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A request's correlation id travels into the events it appends: the caller's `x-correlation-id`
 * when it sends one, else a generated uuid, answered in the same header either way.
 */
describe('correlation ids from request to event metadata', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  async function metadataOf(streamId: string) {
    return (await api.store.readStream(streamId)).map((event) => event.metadata);
  }

  it('stores the caller’s correlation id on the events of the command, and echoes it', async () => {
    const answer = await api
      .post('/v1/signups', KEYS.ingest, {
        accountId: 'acc_corr',
        occurredAt: '2026-01-02T00:00:00Z',
      })
      .set('x-correlation-id', 'crm-sync.2026-01-02.17');
    expect(answer.status).toBe(201);
    expect(answer.headers['x-correlation-id']).toBe('crm-sync.2026-01-02.17');
    expect(await metadataOf('account-acc_corr')).toEqual([
      expect.objectContaining({
        correlationId: 'crm-sync.2026-01-02.17',
        commandId: 'RecordSignup:acc_corr',
      }),
    ]);
  });

  it('replaces a malformed id with a generated one, and stores that', async () => {
    const answer = await api
      .post('/v1/signups', KEYS.ingest, {
        accountId: 'acc_bad',
        occurredAt: '2026-01-02T00:00:00Z',
      })
      .set('x-correlation-id', 'not an id; drop table');
    const generated = answer.headers['x-correlation-id'] as string;
    expect(generated).toMatch(UUID);
    expect((await metadataOf('account-acc_bad'))[0]?.correlationId).toBe(generated);
  });

  it('generates one when the caller sends none, and stores the one it answered', async () => {
    const answer = await api.post('/v1/signups', KEYS.ingest, {
      accountId: 'acc_corr2',
      occurredAt: '2026-01-02T00:00:00Z',
    });
    const generated = answer.headers['x-correlation-id'] as string;
    expect(generated).toMatch(UUID);
    expect((await metadataOf('account-acc_corr2'))[0]?.correlationId).toBe(generated);
  });

  it('gives every command of a batch the batch request’s correlation id', async () => {
    const answer = await api
      .post('/v1/batch', KEYS.ingest, {
        commands: ['acc_corr3', 'acc_corr4'].map((accountId) => ({
          path: '/v1/signups',
          body: { accountId, occurredAt: '2026-01-03T00:00:00Z' },
        })),
      })
      .set('x-correlation-id', 'nightly-import-42');
    expect(answer.status).toBe(200);
    for (const streamId of ['account-acc_corr3', 'account-acc_corr4'])
      expect((await metadataOf(streamId))[0]?.correlationId).toBe('nightly-import-42');
  });
});
