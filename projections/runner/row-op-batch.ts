import { Money } from '@ledger/domain/money';
import type { Merge, Row, RowOp } from '../projection';

/** How least/greatest compare a column's values, as the database would (from its declared type). */
export type ColumnOrder = 'numeric' | 'instant' | 'boolean' | 'text';

/** The declared order of a table's columns; unknown columns compare as text. */
export type ColumnOrders = (table: string, column: string) => ColumnOrder;

/** The declared SQL type of a table's columns (`format_type`: `numeric(20,0)`); unknown: text. */
export type ColumnTypes = (table: string, column: string) => string;

/** Every operation of a batch on one table with one kind and shape: applied with ONE statement. */
export interface OpGroup {
  table: string;
  kind: RowOp['kind'];
  key: string[];
  columns: string[];
  merge: { [column: string]: Merge };
  rows: Row[];
}

interface Entry {
  op: RowOp;
  row: Row;
}

/**
 * Collects a batch's row operations and merges those on the same row in memory, with the same rules
 * the database applies to a stored row (`projection.ts`). The database can merge into a stored row,
 * but one statement cannot touch the same row twice, so each key must reach SQL once per batch.
 */
export class RowOpBatch {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly orders: ColumnOrders) {}

  get size(): number {
    return this.entries.size;
  }

  add(op: RowOp): void {
    const identity = identityOf(op);
    const entry = this.entries.get(identity);
    if (entry === undefined) {
      // Not copied: rows are never changed in place (a merge builds a new row), and a rebuild adds
      // millions of them.
      this.entries.set(identity, { op, row: op.row });
      return;
    }
    // An insert keeps what was written first, exactly like ON CONFLICT DO NOTHING.
    if (op.kind === 'insert' || entry.op.kind === 'insert') return;
    if (mergeSignature(op.merge) !== mergeSignature(entry.op.merge)) {
      throw new Error(
        `projection table ${op.table}: upserts on one row must use one merge rule set`,
      );
    }
    entry.row = mergeRow(entry.row, op.row, op, this.orders);
  }

  /** The merged rows, grouped by table, kind and shape, in the order each group first appeared. */
  groups(): OpGroup[] {
    const groups: OpGroup[] = [];
    // Per table and kind, the groups seen so far with their column lists in insertion order. Rows
    // of one projection table nearly always share one shape, so a row is matched against one or
    // two lists by comparing interned column names: cheaper than building a signature per row.
    const byTable = new Map<string, { columns: string[]; merge: string; group: OpGroup }[]>();
    for (const { op, row } of this.entries.values()) {
      const columns = Object.keys(row);
      const merge = op.kind === 'upsert' ? mergeSignature(op.merge) : '';
      const tableKey = `${op.table}\u0001${op.kind}`;
      let candidates = byTable.get(tableKey);
      if (candidates === undefined) byTable.set(tableKey, (candidates = []));
      let found = candidates.find((c) => c.merge === merge && sameColumns(c.columns, columns));
      if (found === undefined) {
        const group: OpGroup = {
          table: op.table,
          kind: op.kind,
          key: op.key,
          columns: [...columns].sort(),
          merge: op.kind === 'upsert' ? op.merge : {},
          rows: [],
        };
        found = { columns, merge, group };
        candidates.push(found);
        groups.push(group);
      }
      found.group.rows.push(row);
    }
    return groups;
  }
}

/**
 * Which row an operation touches: its table, kind and key values. Text keys, by far the most
 * common, are spliced in with their lengths (`s<length>:<value>…`), which no two different key
 * tuples share; any other key is JSON-encoded (`[…]`, which cannot be mistaken for the first form).
 */
function identityOf(op: RowOp): string {
  let identity = `${op.table}\u0001${op.kind}\u0001s`;
  for (const column of op.key) {
    const value = op.row[column];
    if (typeof value !== 'string')
      return `${op.table}\u0001${op.kind}\u0001${JSON.stringify(op.key.map((c) => op.row[c] ?? null))}`;
    identity += `${value.length}:${value}`;
  }
  return identity;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Canonical signatures by the merge's entries in the order a projection wrote them. */
const mergeSignatures = new Map<string, string>();

/**
 * The merge rule set as an order-independent string. Projections build a fresh `merge` object per
 * operation, so the lookup goes by a cheap string of its entries rather than by the object.
 */
function mergeSignature(merge: { [column: string]: Merge }): string {
  let raw = '';
  for (const column in merge) raw += `${column}=${merge[column]};`;
  let signature = mergeSignatures.get(raw);
  if (signature === undefined) {
    signature = JSON.stringify(Object.entries(merge).sort(([a], [b]) => (a < b ? -1 : 1)));
    mergeSignatures.set(raw, signature);
  }
  return signature;
}

/**
 * The rule a column merges by. Key columns never change; a column without a rule keeps its first
 * value; `position` follows `replace` when any column does, so the row remembers the newest event.
 */
export function effectiveMerge(
  column: string,
  op: { key: string[]; merge: { [column: string]: Merge } },
): Merge {
  if (op.key.includes(column)) return 'keep';
  const declared = op.merge[column];
  if (declared !== undefined) return declared;
  if (column === 'position' && Object.values(op.merge).includes('replace')) return 'replace';
  return 'keep';
}

function mergeRow(
  stored: Row,
  incoming: Row,
  op: RowOp & { kind: 'upsert' },
  orders: ColumnOrders,
): Row {
  const merged: Row = { ...stored };
  // Every rule compares against the stored row as it was, as SQL's SET does with the old row.
  const incomingIsNewer = positionOf(incoming) > positionOf(stored);
  for (const [column, value] of Object.entries(incoming)) {
    if (!(column in stored)) {
      merged[column] = value;
      continue;
    }
    const rule = effectiveMerge(column, op);
    if (rule === 'replace' && incomingIsNewer) merged[column] = value;
    if (rule === 'least' || rule === 'greatest') {
      merged[column] = pick(stored[column] ?? null, value, rule, orders(op.table, column));
    }
  }
  return merged;
}

/** Positions are decimal strings of the global position; a row without one is older than any event. */
function positionOf(row: Row): bigint {
  const position = row.position;
  return position === undefined || position === null ? -1n : BigInt(String(position));
}

/** SQL LEAST/GREATEST: NULLs are ignored, and values compare by the column's declared type. */
function pick(
  stored: Row[string],
  incoming: Row[string],
  rule: 'least' | 'greatest',
  order: ColumnOrder,
): Row[string] {
  if (stored === null) return incoming;
  if (incoming === null) return stored;
  const comparison = compareValues(incoming, stored, order);
  return (rule === 'least' ? comparison < 0 : comparison > 0) ? incoming : stored;
}

export function compareValues(
  a: NonNullable<Row[string]>,
  b: NonNullable<Row[string]>,
  order: ColumnOrder,
): number {
  switch (order) {
    case 'numeric':
      return new Money(String(a)).comparedTo(new Money(String(b)));
    case 'instant':
      return Math.sign(Date.parse(String(a)) - Date.parse(String(b)));
    case 'boolean':
      return Number(a === true || a === 'true') - Number(b === true || b === 'true');
    case 'text': {
      // Text merged by least/greatest is meant for fixed-width ISO instants, whose code-unit
      // order is also their order under any collation.
      const [x, y] = [String(a), String(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

/** Maps a PostgreSQL `information_schema.columns.data_type` to how its values order. */
export function orderOfSqlType(dataType: string): ColumnOrder {
  if (/^(smallint|integer|bigint|numeric|real|double precision)$/.test(dataType)) return 'numeric';
  if (/^(timestamp|date)/.test(dataType)) return 'instant';
  if (dataType === 'boolean') return 'boolean';
  return 'text';
}
