import { decidePlans, type Plan } from '@ledger/domain';
import { isDecimalString } from '@ledger/domain/money';
import { REVENUE_MODELS, TIERS, type RateTable } from '@ledger/domain/messages/vocabulary';
import { normaliseInstant, SimulationInputError } from './simulation-window';

/** Ids are 1–128 characters of `[A-Za-z0-9._:-]` (SPEC §5), plan ids included. */
const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const PLAN_FIELDS = [
  'planId',
  'version',
  'effectiveFrom',
  'rates',
  'influencedFactor',
  'basis',
] as const;
const BASES = ['gross', 'net'] as const;

/**
 * Reads a plan file: the body of `POST /v1/plans` (`planId, version, effectiveFrom, rates,
 * influencedFactor, basis`). Every shape problem is listed at once (a missing rate, a number where a
 * decimal string belongs, an unknown basis, a misspelt field), then the domain's own publishing rule
 * judges the rates, so a plan that simulates is exactly a plan the ledger would accept.
 *
 * @throws SimulationInputError naming each problem by its field path (`rates.referral.usage`).
 */
export function parsePlanFile(text: string): Plan {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new SimulationInputError([
      `the plan file is not valid JSON: ${(error as Error).message}`,
    ]);
  }
  return parsePlan(body);
}

export function parsePlan(body: unknown): Plan {
  if (!isObject(body))
    throw new SimulationInputError([
      'the plan file must hold one JSON object (the body of POST /v1/plans)',
    ]);
  const problems = [...unknownFields(body, PLAN_FIELDS, ''), ...rateTableProblems(body.rates)];
  if (typeof body.planId !== 'string' || !ID_PATTERN.test(body.planId)) {
    problems.push('planId must be 1–128 characters of A-Z a-z 0-9 . _ : -');
  }
  if (typeof body.version !== 'number' || !Number.isInteger(body.version) || body.version < 1) {
    problems.push(`version must be a positive integer, got ${JSON.stringify(body.version)}`);
  }
  const effectiveFrom = normaliseInstant(body.effectiveFrom);
  if (effectiveFrom === null) {
    problems.push(
      `effectiveFrom must be an ISO-8601 instant with an offset, got ${JSON.stringify(body.effectiveFrom)}`,
    );
  }
  if (!isDecimalString(body.influencedFactor)) {
    problems.push(
      `influencedFactor must be a decimal string such as "0.5", got ${JSON.stringify(body.influencedFactor)}`,
    );
  }
  if (!BASES.includes(body.basis as (typeof BASES)[number])) {
    problems.push(`basis must be "gross" or "net", got ${JSON.stringify(body.basis)}`);
  }
  if (problems.length > 0) throw new SimulationInputError(problems);

  const plan: Plan = {
    planId: body.planId as string,
    version: body.version as number,
    effectiveFrom: effectiveFrom!,
    rates: body.rates as RateTable,
    influencedFactor: body.influencedFactor as string,
    basis: body.basis as Plan['basis'],
  };
  // The ranges ([0, 1] for every rate and the factor) are the domain's publishing rule: ask it.
  const verdict = decidePlans(
    { type: 'PublishCommissionPlan', data: plan, metadata: { commandId: 'simulate:plan-file' } },
    { plans: [] },
  );
  if (verdict.kind === 'refused') throw new SimulationInputError([verdict.message]);
  return plan;
}

/** Every tier × revenue model must be stated as a decimal string; none is inherited from another plan. */
function rateTableProblems(rates: unknown): string[] {
  if (!isObject(rates))
    return ['rates must be an object with a row per tier (referral, integration, solution)'];
  const problems = unknownFields(rates, TIERS, 'rates.');
  for (const tier of TIERS) {
    const row = rates[tier];
    if (!isObject(row)) {
      problems.push(
        `rates.${tier} is missing: state a rate for each of ${REVENUE_MODELS.join(', ')}`,
      );
      continue;
    }
    problems.push(...unknownFields(row, REVENUE_MODELS, `rates.${tier}.`));
    for (const model of REVENUE_MODELS) {
      const rate = row[model];
      if (rate === undefined) problems.push(`rates.${tier}.${model} is missing`);
      else if (!isDecimalString(rate))
        problems.push(
          `rates.${tier}.${model} must be a decimal string such as "0.10", got ${JSON.stringify(rate)}`,
        );
    }
  }
  return problems;
}

function unknownFields(
  object: Record<string, unknown>,
  known: readonly string[],
  prefix: string,
): string[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => `${prefix}${key} is not a field of a plan (expected one of ${known.join(', ')})`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
