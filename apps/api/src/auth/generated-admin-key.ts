import { randomBytes } from 'node:crypto';
import type { LedgerConfig } from '@ledger/core';

/**
 * With no `LEDGER_API_KEYS`, a fresh install still has to be usable and still must not be open:
 * one admin key is generated and printed once, to stdout, the only place it ever appears.
 */
export function withGeneratedAdminKey(
  config: LedgerConfig,
  print: (line: string) => void,
): LedgerConfig {
  if (config.apiKeys.length > 0) return config;
  const key = randomBytes(24).toString('base64url');
  print(`Generated admin API key (set LEDGER_API_KEYS to choose your own): ${key}`);
  return { ...config, apiKeys: [{ key, role: 'admin' }] };
}
