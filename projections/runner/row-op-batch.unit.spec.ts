import type { Merge, Row, RowOp } from '../projection';
import { compareValues, orderOfSqlType, RowOpBatch, type ColumnOrder } from './row-op-batch';

const ORDERS: Record<string, ColumnOrder> = {
  total: 'numeric',
  first_seen: 'text',
  flag: 'boolean',
  at: 'instant',
};
const orders = (_table: string, column: string): ColumnOrder => ORDERS[column] ?? 'text';

const MERGE: { [column: string]: Merge } = {
  total: 'greatest',
  first_seen: 'least',
  name: 'replace',
};

function upsert(row: Row): RowOp {
  return { kind: 'upsert', table: 'stats', key: ['id'], row, merge: MERGE };
}

function insert(row: Row): RowOp {
  return { kind: 'insert', table: 'lines', key: ['id'], row };
}

function rowsOf(batch: RowOpBatch): Row[] {
  return batch.groups().flatMap((group) => group.rows);
}

describe('RowOpBatch: operations on one row merge in memory as the database would', () => {
  it('keeps the first insert of a key, like ON CONFLICT DO NOTHING', () => {
    const batch = new RowOpBatch(orders);
    batch.add(insert({ id: 'a', amount: '1.00' }));
    batch.add(insert({ id: 'a', amount: '2.00' }));
    batch.add(insert({ id: 'b', amount: '3.00' }));
    expect(rowsOf(batch)).toEqual([
      { id: 'a', amount: '1.00' },
      { id: 'b', amount: '3.00' },
    ]);
  });

  it('compares numeric columns as numbers, not as text ("9" < "10")', () => {
    const batch = new RowOpBatch(orders);
    batch.add(
      upsert({
        id: 'a',
        total: '9',
        first_seen: '2026-03-02T00:00:00.000Z',
        name: 'x',
        position: '5',
      }),
    );
    batch.add(
      upsert({
        id: 'a',
        total: '10',
        first_seen: '2026-03-01T00:00:00.000Z',
        name: 'y',
        position: '4',
      }),
    );
    const [row] = rowsOf(batch);
    expect(row).toMatchObject({ total: '10', first_seen: '2026-03-01T00:00:00.000Z' });
  });

  it('lets `replace` columns and the position follow the newest event, whatever the order of arrival', () => {
    const older = upsert({ id: 'a', total: '1', first_seen: null, name: 'old', position: '7' });
    const newer = upsert({ id: 'a', total: '1', first_seen: null, name: 'new', position: '12' });
    for (const order of [
      [older, newer],
      [newer, older],
      [newer, older, newer],
    ]) {
      const batch = new RowOpBatch(orders);
      order.forEach((op) => batch.add(op));
      expect(rowsOf(batch)[0]).toMatchObject({ name: 'new', position: '12' });
    }
  });

  it('ignores NULLs in least/greatest, as SQL LEAST/GREATEST do', () => {
    const batch = new RowOpBatch(orders);
    batch.add(
      upsert({
        id: 'a',
        total: null,
        first_seen: '2026-03-02T00:00:00.000Z',
        name: 'x',
        position: '1',
      }),
    );
    batch.add(upsert({ id: 'a', total: '4', first_seen: null, name: 'x', position: '2' }));
    expect(rowsOf(batch)[0]).toMatchObject({ total: '4', first_seen: '2026-03-02T00:00:00.000Z' });
  });

  it('applying the same operations twice gives the same rows as once', () => {
    const ops = [
      upsert({
        id: 'a',
        total: '3',
        first_seen: '2026-03-05T00:00:00.000Z',
        name: 'p',
        position: '3',
      }),
      upsert({
        id: 'a',
        total: '8',
        first_seen: '2026-03-09T00:00:00.000Z',
        name: 'q',
        position: '9',
      }),
      insert({ id: 'l1', amount: '1.00' }),
    ];
    const once = new RowOpBatch(orders);
    ops.forEach((op) => once.add(op));
    const twice = new RowOpBatch(orders);
    [...ops, ...ops].forEach((op) => twice.add(op));
    expect(rowsOf(twice)).toEqual(rowsOf(once));
  });

  it('groups rows by table, kind and shape so each group is one statement', () => {
    const batch = new RowOpBatch(orders);
    batch.add(insert({ id: 'a', amount: '1.00' }));
    batch.add(upsert({ id: 'a', total: '1', first_seen: null, name: 'x', position: '1' }));
    batch.add(insert({ id: 'b', amount: '2.00' }));
    batch.add(insert({ id: 'c', amount: '2.00', note: 'other shape' }));
    const groups = batch.groups();
    expect(groups.map((g) => [g.table, g.kind, g.rows.length])).toEqual([
      ['lines', 'insert', 2],
      ['stats', 'upsert', 1],
      ['lines', 'insert', 1],
    ]);
  });

  it('refuses two different merge rule sets for one row: that is a projection bug', () => {
    const batch = new RowOpBatch(orders);
    batch.add(upsert({ id: 'a', total: '1', position: '1' }));
    expect(() =>
      batch.add({
        kind: 'upsert',
        table: 'stats',
        key: ['id'],
        row: { id: 'a', total: '2', position: '2' },
        merge: { total: 'least' },
      }),
    ).toThrow('one merge rule set');
  });
});

describe('value order by declared column type', () => {
  it.each([
    ['numeric', '10', '9', 1],
    ['numeric', '-1.50', '-1.5', 0],
    ['instant', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000Z', 0],
    ['instant', '2026-03-01T10:00:00.001Z', '2026-03-01T10:00:00.000Z', 1],
    ['boolean', false, true, -1],
    ['text', 'b', 'a', 1],
  ] as const)('%s: compare(%p, %p) = %p', (order, a, b, expected) => {
    expect(compareValues(a, b, order)).toBe(expected);
  });

  it.each([
    ['integer', 'numeric'],
    ['numeric', 'numeric'],
    ['bigint', 'numeric'],
    ['timestamp with time zone', 'instant'],
    ['boolean', 'boolean'],
    ['text', 'text'],
    ['jsonb', 'text'],
  ])('%s orders as %s', (sqlType, order) => {
    expect(orderOfSqlType(sqlType)).toBe(order);
  });
});
