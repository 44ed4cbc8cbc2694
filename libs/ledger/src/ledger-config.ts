/**
 * The ledger's configuration, read once from the environment (SPEC §6). Every app (api, worker,
 * cli) reads it the same way, so `ledger serve` and `npm start` behave identically.
 */

/** A role an API key grants. `partner:<id>` sees only that partner's data. */
export type ApiRole = 'ingest' | 'manager' | 'finance' | 'admin' | `partner:${string}`;

export interface ApiKeyGrant {
  /** The secret itself; never logged, compared only through its sha256 in constant time. */
  key: string;
  role: ApiRole;
}

export interface LedgerConfig {
  /** PostgreSQL connection string; unset means the embedded PGlite under `dataDir`. */
  databaseUrl?: string;
  /** EventStoreDB connection string; set means events go there (read models stay in PostgreSQL/PGlite). */
  eventstoreUrl?: string;
  /** Where embedded PGlite keeps its files (`memory://` keeps them in memory). */
  dataDir: string;
  /** PostgreSQL schema of the ledger's tables. */
  schema: string;
  port: number;
  /** Empty means: generate one admin key at start and print it once. */
  apiKeys: ApiKeyGrant[];
  /** pino level; `silent` in tests. */
  logLevel: string;
  /** Whether the API process also runs the projections (`LEDGER_RUN_PROJECTIONS`, default true). */
  runProjections?: boolean;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const FIXED_ROLES: readonly string[] = ['ingest', 'manager', 'finance', 'admin'];
const PARTNER_ROLE = /^partner:[A-Za-z0-9._:-]{1,128}$/;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function readLedgerConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const schema = nonEmpty(env.LEDGER_SCHEMA) ?? 'ledger';
  if (!SCHEMA_NAME.test(schema))
    throw new ConfigError(`LEDGER_SCHEMA must be a lower-case SQL identifier, got "${schema}"`);
  return {
    databaseUrl: nonEmpty(env.DATABASE_URL),
    eventstoreUrl: nonEmpty(env.EVENTSTORE_URL),
    dataDir: nonEmpty(env.LEDGER_DATA_DIR) ?? './.ledger-data',
    schema,
    port: parsePort(env.PORT),
    apiKeys: parseApiKeys(env.LEDGER_API_KEYS ?? ''),
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
    runProjections: nonEmpty(env.LEDGER_RUN_PROJECTIONS) !== 'false',
  };
}

/**
 * `key:role,…`. The role is everything after the first colon, because `partner:<id>` has one of
 * its own; a key may appear several times to hold several roles. A malformed entry stops the start
 * rather than silently locking someone out.
 */
export function parseApiKeys(text: string): ApiKeyGrant[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const key = colon > 0 ? entry.slice(0, colon) : '';
      const role = colon > 0 ? entry.slice(colon + 1) : '';
      // The message names the position only: the entry holds a secret.
      if (key === '') throw new ConfigError('LEDGER_API_KEYS: every entry must be `key:role`');
      if (!isApiRole(role)) throw new ConfigError(`LEDGER_API_KEYS: unknown role "${role}"`);
      return { key, role };
    });
}

export function isApiRole(role: string): role is ApiRole {
  return FIXED_ROLES.includes(role) || PARTNER_ROLE.test(role);
}

function parsePort(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 3000;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be an integer 0–65535, got "${text}"`);
  return port;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
