import { ConfigError, parseApiKeys, readLedgerConfig } from './ledger-config';

describe('readLedgerConfig', () => {
  it('defaults to embedded PGlite under ./.ledger-data, port 3000, schema ledger, no keys', () => {
    expect(readLedgerConfig({})).toEqual({
      databaseUrl: undefined,
      eventstoreUrl: undefined,
      dataDir: './.ledger-data',
      schema: 'ledger',
      port: 3000,
      apiKeys: [],
      logLevel: 'info',
      runProjections: true,
    });
  });

  it('runs the projections in the API process unless LEDGER_RUN_PROJECTIONS=false', () => {
    expect(readLedgerConfig({ LEDGER_RUN_PROJECTIONS: 'false' }).runProjections).toBe(false);
    expect(readLedgerConfig({ LEDGER_RUN_PROJECTIONS: 'true' }).runProjections).toBe(true);
  });

  it('reads every variable of SPEC §6', () => {
    const config = readLedgerConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      EVENTSTORE_URL: 'esdb://127.0.0.1:2113?tls=false',
      LEDGER_DATA_DIR: '/var/lib/ledger',
      LEDGER_SCHEMA: 'ledger_prod',
      PORT: '8080',
      LEDGER_API_KEYS: 'k-ingest:ingest, k-acme:partner:p_acme',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      eventstoreUrl: 'esdb://127.0.0.1:2113?tls=false',
      dataDir: '/var/lib/ledger',
      schema: 'ledger_prod',
      port: 8080,
      apiKeys: [
        { key: 'k-ingest', role: 'ingest' },
        { key: 'k-acme', role: 'partner:p_acme' },
      ],
    });
  });

  it('treats empty variables as unset', () => {
    expect(readLedgerConfig({ DATABASE_URL: '', PORT: ' ', LEDGER_API_KEYS: '' })).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
      apiKeys: [],
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['LEDGER_SCHEMA', 'drop table; --'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => readLedgerConfig({ [name]: value })).toThrow(ConfigError);
  });
});

describe('parseApiKeys', () => {
  it('lets one key hold several roles', () => {
    expect(parseApiKeys('k1:finance,k1:ingest')).toEqual([
      { key: 'k1', role: 'finance' },
      { key: 'k1', role: 'ingest' },
    ]);
  });

  it('refuses an unknown role or an entry without a role, without echoing the key', () => {
    expect(() => parseApiKeys('s3cret-value:superuser')).toThrow(/unknown role "superuser"/);
    expect(() => parseApiKeys('s3cret-value')).toThrow(ConfigError);
    try {
      parseApiKeys('s3cret-value');
    } catch (error) {
      expect(String(error)).not.toContain('s3cret-value');
    }
    expect(() => parseApiKeys('k:partner:')).toThrow(ConfigError);
  });
});
