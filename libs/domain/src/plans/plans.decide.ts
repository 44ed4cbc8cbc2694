import type { PlanCommand, PublishCommissionPlan } from '../messages/commands';
import type { CommissionPlanPublished } from '../messages/events';
import { TIERS, REVENUE_MODELS } from '../messages/vocabulary';
import { accept, refuse, type Decision } from '../shared/decision';
import { eventIdSequence } from '../shared/ids';
import { isDecimalString, Money } from '../money/money';
import { hasVersion, latestVersionOf, type PlanBook } from './plan-book';

/**
 * Publishing a plan version. Guards in precedence order: the version already exists, the version
 * does not increase, a rate or the influenced factor is not a fraction in [0, 1].
 */
export function decidePlans(command: PlanCommand, book: PlanBook): Decision {
  const nextEventId = eventIdSequence(command.metadata.commandId);
  const { data } = command;
  if (hasVersion(book, data.planId, data.version)) {
    return refuse('plan.version_exists', `plan ${data.planId} version ${data.version} is already published`, 'version');
  }
  const latest = latestVersionOf(book, data.planId);
  if (data.version <= latest) {
    return refuse(
      'plan.version_not_increasing',
      `plan ${data.planId} is at version ${latest}; a new version must be higher`,
      'version',
      { latestVersion: latest },
    );
  }
  const badRate = firstInvalidRate(command);
  if (badRate) return refuse('plan.invalid_rate', `${badRate} must be a decimal between 0 and 1`, badRate);

  const event: CommissionPlanPublished = {
    type: 'CommissionPlanPublished',
    eventId: nextEventId(),
    occurredAt: data.effectiveFrom,
    data: { ...data },
  };
  return accept([event], { status: 'recorded', planId: data.planId, version: data.version });
}

/** The input field of the first rate that is missing or outside [0, 1], or null when all are fractions. */
function firstInvalidRate(command: PublishCommissionPlan): string | null {
  const { rates, influencedFactor } = command.data;
  for (const tier of TIERS) {
    for (const model of REVENUE_MODELS) {
      if (!isFraction(rates?.[tier]?.[model])) return `rates.${tier}.${model}`;
    }
  }
  return isFraction(influencedFactor) ? null : 'influencedFactor';
}

function isFraction(value: unknown): boolean {
  if (!isDecimalString(value)) return false;
  const rate = new Money(value);
  return rate.gte(0) && rate.lte(1);
}
