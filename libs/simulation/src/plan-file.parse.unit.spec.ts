import { DEFAULT_PLAN } from '@ledger/domain';
import { parsePlanFile } from './plan-file.parse';
import { SimulationInputError } from './simulation-window';

const body = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    planId: 'spring',
    version: 3,
    effectiveFrom: '2026-04-01T02:00:00+02:00',
    rates: DEFAULT_PLAN.rates,
    influencedFactor: '0.5',
    basis: 'net',
    ...over,
  });

function problemsOf(text: string): string[] {
  try {
    parsePlanFile(text);
  } catch (error) {
    if (error instanceof SimulationInputError) return [...error.problems];
    throw error;
  }
  throw new Error('the plan file was accepted');
}

describe('parsePlanFile: the body of POST /v1/plans, as a file', () => {
  it('reads a valid plan and stores its instant in UTC', () => {
    expect(parsePlanFile(body())).toEqual({
      ...DEFAULT_PLAN,
      planId: 'spring',
      version: 3,
      effectiveFrom: '2026-04-01T00:00:00.000Z',
      basis: 'net',
    });
  });

  it('names a missing rate by its field path', () => {
    const { usage: _usage, ...referral } = DEFAULT_PLAN.rates.referral;
    expect(problemsOf(body({ rates: { ...DEFAULT_PLAN.rates, referral } }))).toEqual([
      'rates.referral.usage is missing',
    ]);
  });

  it('names a missing tier, a number given for a rate and a misspelt model', () => {
    const { solution: _solution, ...rates } = DEFAULT_PLAN.rates;
    const integration = { ...DEFAULT_PLAN.rates.integration, outcome: 0.2, usages: '0.2' };
    expect(problemsOf(body({ rates: { ...rates, integration } }))).toEqual([
      'rates.integration.usages is not a field of a plan (expected one of monthly_subscription, annual_subscription, usage, outcome)',
      'rates.integration.outcome must be a decimal string such as "0.10", got 0.2',
      'rates.solution is missing: state a rate for each of monthly_subscription, annual_subscription, usage, outcome',
    ]);
  });

  it('refuses a rate outside [0, 1] by the domain’s own publishing rule', () => {
    const solution = { ...DEFAULT_PLAN.rates.solution, outcome: '1.05' };
    expect(problemsOf(body({ rates: { ...DEFAULT_PLAN.rates, solution } }))).toEqual([
      'rates.solution.outcome must be a decimal between 0 and 1',
    ]);
    expect(problemsOf(body({ influencedFactor: '-0.1' }))).toEqual([
      'influencedFactor must be a decimal between 0 and 1',
    ]);
  });

  it('refuses a bad basis, a bad version, a date without offset and an unknown field, all at once', () => {
    expect(
      problemsOf(
        body({ basis: 'gross_margin', version: 0, effectiveFrom: '2026-04-01', rate: {} }),
      ),
    ).toEqual([
      'rate is not a field of a plan (expected one of planId, version, effectiveFrom, rates, influencedFactor, basis)',
      'version must be a positive integer, got 0',
      'effectiveFrom must be an ISO-8601 instant with an offset, got "2026-04-01"',
      'basis must be "gross" or "net", got "gross_margin"',
    ]);
  });

  it('says so when the file is not JSON or not one object', () => {
    expect(problemsOf('{ planId: spring')[0]).toMatch(/^the plan file is not valid JSON: /);
    expect(problemsOf('[]')).toEqual([
      'the plan file must hold one JSON object (the body of POST /v1/plans)',
    ]);
  });
});
