/**
 * The little the SQL event store needs from a PostgreSQL connection, so that one implementation
 * serves both a `pg` pool and an embedded PGlite database. Rows come back as plain objects;
 * callers cast bigint and xid8 columns to text in SQL, because the two drivers parse them
 * differently (`pg` gives strings, PGlite numbers or bigints).
 */
export interface SqlQueryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<Row[]>;
  /**
   * Bulk-loads rows with `COPY … FROM STDIN` (`sql`), `text` being the rows in COPY's text format.
   * Only where the driver streams COPY data (`pg`); absent on PGlite.
   */
  copyFrom?(sql: string, text: string): Promise<void>;
}

export interface QueryOptions {
  /**
   * Parse and plan the statement once per connection and reuse it (PostgreSQL named prepared
   * statements). For the store's own fixed statements on hot paths only: every distinct text
   * stays cached on each connection.
   */
  prepared?: boolean;
}

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

export interface SqlClient extends SqlQueryable {
  readonly dialect: 'postgres' | 'pglite';
  /**
   * Runs `fn` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it
   * throws (the error is rethrown unchanged).
   */
  transaction<T>(
    fn: (tx: SqlQueryable) => Promise<T>,
    options?: { isolation?: IsolationLevel },
  ): Promise<T>;
  close(): Promise<void>;
}

/** A PostgreSQL error as both drivers report it: SQLSTATE `code` and, for constraints, its name. */
export interface SqlError extends Error {
  code: string;
  constraint?: string;
  detail?: string;
}

export function isSqlError(error: unknown): error is SqlError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown, constraint?: string): error is SqlError {
  if (!isSqlError(error) || error.code !== UNIQUE_VIOLATION) return false;
  return constraint === undefined || error.constraint === constraint;
}

/**
 * Schema names are spliced into SQL text (identifiers cannot be parameters), so only plain
 * lower-case identifiers are accepted: nothing that would need quoting, nothing to inject.
 */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`schema name must match [a-z_][a-z0-9_]{0,62}, got ${JSON.stringify(schema)}`);
  }
  return schema;
}

export function qualified(schema: string, table: string): string {
  return `"${schema}"."${table}"`;
}
