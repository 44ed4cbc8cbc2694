/**
 * Applies a projection's row operations in memory with the runner's own merge rules
 * (`runner/row-op-batch.ts`, which the runner uses to merge the operations of one batch exactly as
 * the database merges into stored rows), so evolve specs can state "given these events, these rows".
 */
import type { ProjectedEvent, Projection, Row } from '../../projection';
import { RowOpBatch, type ColumnOrders } from '../../runner/row-op-batch';

/** Columns named `*_at` hold instants; every other column compares as text, which these specs do not rely on. */
const orders: ColumnOrders = (_table, column) => (column.endsWith('_at') ? 'instant' : 'text');

/** The rows each table holds after the events, keyed by table; rows sorted by their JSON for stable comparison. */
export function rowsAfter(
  projection: Projection,
  events: readonly ProjectedEvent[],
): Record<string, Row[]> {
  const batch = new RowOpBatch(orders);
  for (const event of events) {
    if (!projection.eventTypes.includes(event.type)) continue;
    for (const op of projection.evolve(event)) batch.add(op);
  }
  const tables: Record<string, Row[]> = {};
  for (const group of batch.groups()) (tables[group.table] ??= []).push(...group.rows);
  for (const rows of Object.values(tables))
    rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return tables;
}
