import { createPgClient } from '@ledger/event-store/sql/pg-client';
import type { SqlClient } from '@ledger/event-store/sql/sql-client';
import type { Row } from '../projection';
import { copyStatement, groupStatements, sendStatements } from './apply-statements';
import type { OpGroup } from './row-op-batch';

const url = process.env.DATABASE_URL?.trim();

/** Every kind of column a projection table has, and values that need escaping in COPY text. */
const COLUMNS: Record<string, string> = {
  id: 'text',
  label: 'text',
  amount: 'numeric',
  transaction_id: 'numeric(20,0)',
  global_position: 'bigint',
  revision: 'integer',
  occurred_at: 'timestamp with time zone',
  flag: 'boolean',
  evidence: 'jsonb',
  partner_ids: 'text[]',
};

const ROWS: Row[] = [
  {
    id: 'r1',
    label: 'plain',
    amount: '1000.00',
    transaction_id: '18446744073709551615',
    global_position: '9007199254740993',
    revision: 3,
    occurred_at: '2026-03-01T10:00:00.000Z',
    flag: true,
    evidence: ['e1', 'e2'] as unknown as string[],
    partner_ids: ['p1', 'p2'],
  },
  {
    id: 'r2',
    label: 'tab\there, newline\nthere, CR\r, backslash \\ and \\N and "quotes"',
    amount: '-0.001',
    transaction_id: '1',
    global_position: '1',
    revision: 0,
    occurred_at: '2026-03-01T10:00:00+02:00',
    flag: false,
    evidence: {
      rule: 'click-window',
      ids: ['a\tb', 'c"d\\e'],
      nested: { n: 1.5 },
    } as unknown as string,
    partner_ids: ['comma,brace}', 'quote"and\\slash', 'tab\tnewline\n', '', 'NULL'],
  },
  {
    id: 'r3',
    label: null,
    amount: 12,
    transaction_id: '2',
    global_position: 2,
    revision: null,
    occurred_at: null,
    flag: null,
    evidence: null,
    partner_ids: [],
  },
  {
    id: 'r4',
    label: 'ünïcødé ✓ 日本',
    amount: '999.999',
    transaction_id: '3',
    global_position: '3',
    revision: 7,
    occurred_at: '2026-12-31T23:59:59.999Z',
    flag: true,
    evidence: 'a string' as unknown as string,
    partner_ids: null,
  },
];

/**
 * A rebuild loads event-keyed tables with COPY on PostgreSQL, and everything else with INSERTs that
 * unpack JSON arrays. Both must store exactly the same values: here the same rows go both ways into
 * two tables of the same shape, which must then hold the same rows.
 */
(url ? describe : describe.skip)(
  'COPY of a rebuild against the INSERT path [needs DATABASE_URL]',
  () => {
    let db: SqlClient;
    const schema = `copy_${process.pid}_${Date.now().toString(36)}`;
    const types = (_table: string, column: string) => COLUMNS[column]!;

    beforeAll(async () => {
      db = createPgClient({ connectionString: url!, maxConnections: 2 });
      await db.query(`CREATE SCHEMA "${schema}"`);
      const columns = Object.entries(COLUMNS).map(([name, type]) => `${name} ${type}`);
      for (const table of ['by_insert', 'by_copy'])
        await db.query(`CREATE TABLE "${schema}".${table} (${columns.join(', ')})`);
    });

    afterAll(async () => {
      await db.query(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    });

    const group = (table: string): OpGroup => ({
      table,
      kind: 'insert',
      key: ['id'],
      columns: Object.keys(COLUMNS).sort(),
      merge: {},
      rows: ROWS,
    });

    test('stores every value as the INSERT path stores it', async () => {
      const keyless = new Set(['by_insert', 'by_copy']);
      const [byInsert] = groupStatements(schema, [group('by_insert')], types, keyless, false);
      const [byCopy] = groupStatements(schema, [group('by_copy')], types, keyless, true);
      expect(byInsert!.copyText).toBeUndefined();
      expect(byCopy!.sql).toMatch(/^COPY /);
      await db.transaction((tx) => sendStatements(tx, [byInsert!, byCopy!]));

      const dump = (table: string) =>
        db.query<{ row: unknown }>(
          `SELECT to_jsonb(t) AS row FROM "${schema}".${table} t ORDER BY id`,
        );
      const inserted = await dump('by_insert');
      expect(inserted).toHaveLength(ROWS.length);
      expect(await dump('by_copy')).toEqual(inserted);
      // And the tricky values are what was meant, not merely the same mistake twice.
      const [r2] = await db.query<{ label: string; partner_ids: string[]; evidence: unknown }>(
        `SELECT label, partner_ids, evidence FROM "${schema}".by_copy WHERE id = 'r2'`,
      );
      expect(r2!.label).toBe(ROWS[1]!.label);
      expect(r2!.partner_ids).toEqual(ROWS[1]!.partner_ids);
      expect(r2!.evidence).toEqual(ROWS[1]!.evidence);
    });

    test('a row the table refuses fails the COPY and its transaction, leaving nothing', async () => {
      const bad = {
        ...group('by_copy'),
        rows: [{ ...ROWS[0]!, id: 'bad', revision: 'not a number' }],
      };
      await expect(
        db.transaction((tx) => sendStatements(tx, [copyStatement(schema, bad, types)])),
      ).rejects.toThrow(/invalid input syntax for type integer/);
      expect(await db.query(`SELECT 1 FROM "${schema}".by_copy WHERE id = 'bad'`)).toEqual([]);
    });
  },
);
