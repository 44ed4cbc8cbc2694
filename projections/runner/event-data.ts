import type { LedgerEvent } from '@ledger/domain/messages/events';
import type { ProjectedEvent } from '../projection';

/**
 * The typed data of a projected event of type `T`. The store hands back exactly what the domain
 * appended (upcast to the current shape on read), so the domain's event type describes it; callers
 * switch on `event.type` before asking.
 */
export function dataOf<T extends LedgerEvent['type']>(event: ProjectedEvent, _type: T): DataOf<T> {
  return event.data as unknown as DataOf<T>;
}

export type DataOf<T extends LedgerEvent['type']> = Extract<LedgerEvent, { type: T }>['data'];
