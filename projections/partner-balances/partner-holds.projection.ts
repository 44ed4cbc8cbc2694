import type { ProjectedEvent, Projection, RowOp } from '../projection';
import { dataOf } from '../runner/event-data';

/**
 * When a partner's commissions were frozen and released (SPEC §4 "holds"). Stored as the events
 * themselves rather than as intervals: whether a partner was held at `asOf`, as the ledger knew at
 * `knownAt`, is then the last hold or release with `occurred_at <= asOf` among those with
 * `recorded_at <= knownAt`, and a back-dated release recorded later changes only later answers.
 *
 * Removal (third violation) freezes the partner's commissions from its `occurred_at` on, for good: the
 * domain earns nothing for it from then on (SPEC §4) and payout runs skip removed partners
 * (docs/decisions.md, "Payouts"), so none of its balance is payable any more.
 */
export const PARTNER_HOLD_EVENTS = 'partner_hold_events';

export const partnerHoldsProjection: Projection = {
  name: 'partner_holds',
  version: 1,
  tables: [PARTNER_HOLD_EVENTS],
  ddl: (schema) => [
    `CREATE TABLE "${schema}"."${PARTNER_HOLD_EVENTS}" (
      event_id text PRIMARY KEY,
      partner_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('held', 'released', 'removed')),
      rule text NOT NULL,
      cause_id text NOT NULL,
      occurred_at text NOT NULL,
      recorded_at text NOT NULL,
      position bigint NOT NULL)`,
    `CREATE INDEX partner_hold_events_partner_idx ON "${schema}"."${PARTNER_HOLD_EVENTS}" (partner_id, occurred_at)`,
  ],
  eventKeyedTables: [PARTNER_HOLD_EVENTS],
  eventTypes: ['CommissionsHeld', 'CommissionsReleased', 'PartnerRemoved'],
  evolve: evolvePartnerHolds,
};

export function evolvePartnerHolds(event: ProjectedEvent): RowOp[] {
  switch (event.type) {
    case 'CommissionsHeld': {
      const data = dataOf(event, 'CommissionsHeld');
      return [holdRow(event, data.partnerId, 'held', data.rule, data.violationId)];
    }
    case 'CommissionsReleased': {
      const data = dataOf(event, 'CommissionsReleased');
      return [holdRow(event, data.partnerId, 'released', data.rule, data.releaseId)];
    }
    case 'PartnerRemoved': {
      const data = dataOf(event, 'PartnerRemoved');
      return [holdRow(event, data.partnerId, 'removed', data.rule, data.violationId)];
    }
    default:
      return [];
  }
}

function holdRow(
  event: ProjectedEvent,
  partnerId: string,
  kind: string,
  rule: string,
  causeId: string,
): RowOp {
  return {
    kind: 'insert',
    table: PARTNER_HOLD_EVENTS,
    key: ['event_id'],
    row: {
      event_id: event.eventId,
      partner_id: partnerId,
      kind,
      rule,
      cause_id: causeId,
      occurred_at: event.occurredAt,
      recorded_at: event.recordedAt,
      position: event.globalPosition.toString(),
    },
  };
}
