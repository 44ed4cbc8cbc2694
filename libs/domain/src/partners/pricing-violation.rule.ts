import type { RecordPricingViolation } from '../messages/commands';
import type { CommissionsHeld, LedgerEvent, PartnerRemoved, PartnerWarned, PricingViolationRecorded } from '../messages/events';
import { VIOLATION_LADDER } from '../program/rules';
import type { PartnerState } from './partner-state';

/** Rule codes of the pricing (MAP) violation ladder, as they appear on derived events. */
export const VIOLATION_RULES = {
  warning: 'pricing_violation.first_warning',
  hold: 'pricing_violation.second_hold',
  removal: 'pricing_violation.third_removal',
  release: 'pricing_violation.hold_released',
} as const;

/**
 * Records the n-th pricing violation and what the ladder makes of it (SPEC §4 "holds"): 1st → warned,
 * 2nd → commissions held, 3rd → removed; later ones are only recorded. Each consequence cites the
 * violation event as its evidence.
 */
export function violationEvents(
  command: RecordPricingViolation,
  partner: PartnerState,
  nextEventId: () => string,
): LedgerEvent[] {
  const { partnerId, violationId, occurredAt, detail } = command.data;
  const sequence = partner.violationCount + 1;
  const recorded: PricingViolationRecorded = {
    type: 'PricingViolationRecorded',
    eventId: nextEventId(),
    occurredAt,
    data: { partnerId, violationId, detail, sequence },
  };
  const consequence = VIOLATION_LADDER[sequence];
  if (!consequence) return [recorded];

  const base = { eventId: nextEventId(), occurredAt };
  const derivation = { partnerId, violationId, evidence: [recorded.eventId] };
  switch (consequence) {
    case 'PartnerWarned': {
      const warned: PartnerWarned = { type: 'PartnerWarned', ...base, data: { ...derivation, rule: VIOLATION_RULES.warning } };
      return [recorded, warned];
    }
    case 'CommissionsHeld': {
      const held: CommissionsHeld = { type: 'CommissionsHeld', ...base, data: { ...derivation, rule: VIOLATION_RULES.hold } };
      return [recorded, held];
    }
    case 'PartnerRemoved': {
      const removed: PartnerRemoved = { type: 'PartnerRemoved', ...base, data: { ...derivation, rule: VIOLATION_RULES.removal } };
      return [recorded, removed];
    }
  }
}
