import type { LedgerConfig } from '@ledger/core';
import { withGeneratedAdminKey } from './generated-admin-key';

const base: LedgerConfig = {
  dataDir: './.ledger-data',
  schema: 'ledger',
  port: 3000,
  apiKeys: [],
  logLevel: 'silent',
};

describe('withGeneratedAdminKey', () => {
  it('generates one admin key when none is configured and prints it exactly once', () => {
    const printed: string[] = [];
    const config = withGeneratedAdminKey(base, (line) => printed.push(line));
    expect(config.apiKeys).toEqual([
      { key: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), role: 'admin' },
    ]);
    expect(printed).toEqual([
      `Generated admin API key (set LEDGER_API_KEYS to choose your own): ${config.apiKeys[0]!.key}`,
    ]);
  });

  it('generates a different key each start', () => {
    const first = withGeneratedAdminKey(base, () => undefined).apiKeys[0]!.key;
    const second = withGeneratedAdminKey(base, () => undefined).apiKeys[0]!.key;
    expect(first).not.toBe(second);
  });

  it('leaves configured keys alone and prints nothing', () => {
    const printed: string[] = [];
    const configured = { ...base, apiKeys: [{ key: 'k-123', role: 'ingest' as const }] };
    expect(withGeneratedAdminKey(configured, (line) => printed.push(line))).toBe(configured);
    expect(printed).toEqual([]);
  });
});
