import { GENESIS_HASH } from '../hashing';
import { qualified, type SqlClient } from './sql-client';

/**
 * One schema change, applied once and recorded in `<schema>.schema_migrations`. Statements are
 * separate strings because PGlite's extended-protocol `query` runs one statement at a time.
 * Never edit a migration that has shipped; add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  statements: (schema: string) => string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'event log, stream heads, commands, lookup keys, seals',
    statements: (s) => {
      const t = (name: string) => qualified(s, name);
      return [
        // occurred_at and recorded_at are text: the exact string is hashed, and a timestamptz
        // would hand back another spelling of the same instant.
        // The primary key is the commit-order pair readers page by; global_position alone is
        // unique by construction (an identity nobody may set), so it needs no index of its own.
        `CREATE TABLE ${t('events')} (
          global_position bigint GENERATED ALWAYS AS IDENTITY,
          transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
          event_id uuid NOT NULL,
          stream_id text NOT NULL,
          stream_revision integer NOT NULL CHECK (stream_revision >= 0),
          type text NOT NULL,
          occurred_at text NOT NULL,
          recorded_at text NOT NULL,
          data jsonb NOT NULL,
          metadata jsonb NOT NULL,
          schema_version integer NOT NULL,
          CONSTRAINT events_pkey PRIMARY KEY (transaction_id, global_position),
          CONSTRAINT events_event_id_key UNIQUE (event_id),
          CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision)
        )`,
        // One row per stream, locked by every append to it: the stream revision serialises writers.
        `CREATE TABLE ${t('streams')} (
          stream_id text NOT NULL CONSTRAINT streams_pkey PRIMARY KEY,
          revision integer NOT NULL,
          last_hash text NOT NULL DEFAULT '${GENESIS_HASH}',
          last_recorded_at text
        )`,
        // A command's events are the rows of its stream written by its transaction, so the record
        // need not list them.
        `CREATE TABLE ${t('commands')} (
          command_id text NOT NULL CONSTRAINT commands_pkey PRIMARY KEY,
          stream_id text NOT NULL,
          input_hash text NOT NULL,
          result jsonb NOT NULL,
          next_expected_revision integer NOT NULL,
          transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
          last_position bigint NOT NULL,
          recorded_at text NOT NULL
        )`,
        `CREATE TABLE ${t('stream_keys')} (
          key text NOT NULL CONSTRAINT stream_keys_pkey PRIMARY KEY,
          stream_id text NOT NULL
        )`,
        `CREATE TABLE ${t('seals')} (
          seal_number integer NOT NULL CONSTRAINT seals_pkey PRIMARY KEY,
          up_to_tx xid8 NOT NULL,
          up_to_position bigint NOT NULL,
          event_count integer NOT NULL,
          hash text NOT NULL,
          prev_hash text NOT NULL,
          sealed_at text NOT NULL
        )`,
        `CREATE FUNCTION ${t('refuse_change')}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION 'ledger: %.% is append-only, % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
              USING ERRCODE = 'restrict_violation';
          END $$`,
        ...['events', 'commands', 'seals'].map(
          (table) =>
            `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${t(table)}
             FOR EACH STATEMENT EXECUTE FUNCTION ${t('refuse_change')}()`,
        ),
      ];
    },
  },
];

/**
 * Brings `schema` up to the latest migration. Safe to call from several processes at once: an
 * advisory lock (keyed by the schema name) lets one of them migrate while the others wait.
 */
export async function runMigrations(client: SqlClient, schema: string): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1), 0)`, [schema]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${qualified(schema, 'schema_migrations')} (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const rows = await tx.query<{ version: number }>(
      `SELECT version FROM ${qualified(schema, 'schema_migrations')}`,
    );
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements(schema)) await tx.query(statement);
      await tx.query(
        `INSERT INTO ${qualified(schema, 'schema_migrations')} (version, name) VALUES ($1, $2)`,
        [migration.version, migration.name],
      );
      applied.push(migration.version);
    }
    return applied;
  });
}
