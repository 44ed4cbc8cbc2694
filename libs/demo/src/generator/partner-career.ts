import { until, nowIso, type DemoWorld } from './demo-world';
import { send, spawn, waitDays, type Emission, type Journey } from './journey';
import { partnerLead } from './partner-leads';
import type { RosterPartner } from './partner-roster';

const VIOLATION_DETAILS = [
  'advertised 20% below the published price on a comparison site',
  'offered an unapproved bundle discount in a newsletter',
  'listed the annual plan below MAP on its marketplace page',
];

/**
 * A partner's life in the programme as the partner manager records it: enrolment, onboarding,
 * tier changes, and the pricing violations with the hold's release. Its leads are a separate
 * journey ({@link partnerPipeline}).
 */
export function* partnerCareer(w: DemoWorld, p: RosterPartner): Journey {
  yield until(w, p.enrolledAt);
  yield send('EnrollPartner', { partnerId: p.partnerId, name: p.name, tier: p.enrolledTier, enrolledAt: nowIso(w) });
  const moments: { at: number; emit: () => Emission }[] = [];
  if (p.onboardedAt !== null) {
    moments.push({ at: p.onboardedAt, emit: () => send('MarkPartnerOnboarded', { partnerId: p.partnerId, occurredAt: nowIso(w) }) });
  }
  for (const change of p.tierChanges) {
    const reason = change.tier === 'solution' ? 'promoted: 10+ joint customers and a dedicated team' : 'promoted: live integration and 3+ joint customers';
    const data = { partnerId: p.partnerId, changeId: change.changeId, tier: change.tier, reason };
    moments.push({ at: change.at, emit: () => send('ChangePartnerTier', { ...data, effectiveAt: nowIso(w) }) });
  }
  for (const [i, violation] of p.violations.entries()) {
    const detail = VIOLATION_DETAILS[i % VIOLATION_DETAILS.length]!;
    const data = { partnerId: p.partnerId, violationId: violation.violationId, detail };
    moments.push({ at: violation.at, emit: () => send('RecordPricingViolation', { ...data, occurredAt: nowIso(w) }) });
  }
  const release = p.holdRelease;
  if (release) {
    const data = { partnerId: p.partnerId, releaseId: release.releaseId, reason: 'listing corrected after the hold' };
    moments.push({ at: release.at, emit: () => send('ReleaseCommissions', { ...data, occurredAt: nowIso(w) }) });
  }
  for (const moment of moments.sort((a, b) => a.at - b.at)) {
    yield until(w, moment.at);
    yield moment.emit();
  }
}

/**
 * The leads an activated partner brings: the first one at activation, then a Poisson process whose
 * rate is proportional to the partner's productivity, until it leaves the programme.
 */
export function* partnerPipeline(w: DemoWorld, p: RosterPartner): Journey {
  yield until(w, p.activatedAt!);
  const perDay = w.leadsPerWeightPerDay * p.weight;
  for (;;) {
    if (p.removedAt !== null && w.clock.now >= p.removedAt) return;
    yield spawn(partnerLead(w, p));
    if (!(perDay > 0)) return;
    yield waitDays(w.random.exponential(1 / perDay));
  }
}
