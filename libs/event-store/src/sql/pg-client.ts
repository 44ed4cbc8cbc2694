import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool, type PoolClient, type PoolConfig, type QueryConfig } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { IsolationLevel, QueryOptions, SqlClient, SqlQueryable } from './sql-client';

export interface PgClientOptions {
  connectionString: string;
  /** Connections in the pool; appenders on different streams run in parallel up to this. */
  maxConnections?: number;
  /** Extra `pg` pool settings (ssl, timeouts). */
  pool?: Omit<PoolConfig, 'connectionString' | 'max'>;
}

/** A {@link SqlClient} over a `pg` connection pool: each transaction holds one pooled connection. */
export function createPgClient(options: PgClientOptions): SqlClient {
  const pool = new Pool({
    ...options.pool,
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);

  return {
    dialect: 'postgres',
    async query<Row>(
      text: string,
      params?: readonly unknown[],
      queryOptions?: QueryOptions,
    ): Promise<Row[]> {
      const result = await pool.query(config(text, params, queryOptions));
      return result.rows as Row[];
    },
    async transaction<T>(
      fn: (tx: SqlQueryable) => Promise<T>,
      txOptions?: { isolation?: IsolationLevel },
    ) {
      const connection = await pool.connect();
      try {
        await connection.query(
          txOptions?.isolation ? `BEGIN ISOLATION LEVEL ${txOptions.isolation}` : 'BEGIN',
        );
        const result = await fn(queryableOf(connection));
        await connection.query('COMMIT');
        connection.release();
        return result;
      } catch (error) {
        await rollbackAndRelease(connection);
        throw error;
      }
    },
    async close() {
      await pool.end();
    },
  };
}

function queryableOf(connection: PoolClient): SqlQueryable {
  return {
    async query<Row>(
      text: string,
      params?: readonly unknown[],
      queryOptions?: QueryOptions,
    ): Promise<Row[]> {
      const result = await connection.query(config(text, params, queryOptions));
      return result.rows as Row[];
    },
    async copyFrom(sql: string, text: string): Promise<void> {
      // Resolves once the server has answered the COPY; a refused row rejects it.
      await pipeline(Readable.from([Buffer.from(text)]), connection.query(copyFromStdin(sql)));
    },
  };
}

const statementNames = new Map<string, string>();

/** A prepared statement is named by a digest of its text, so one name never means two texts. */
function config(
  text: string,
  params: readonly unknown[] | undefined,
  options: QueryOptions | undefined,
): QueryConfig {
  const values = params as unknown[] | undefined;
  if (!options?.prepared) return { text, values };
  let name = statementNames.get(text);
  if (!name) {
    name = `ledger_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return { name, text, values };
}

/** A connection whose ROLLBACK fails is in an unknown state: destroy it instead of reusing it. */
async function rollbackAndRelease(connection: PoolClient): Promise<void> {
  try {
    await connection.query('ROLLBACK');
    connection.release();
  } catch (rollbackError) {
    connection.release(rollbackError instanceof Error ? rollbackError : true);
  }
}
