import { fitsMinorUnits, Money } from '@ledger/domain/money';
import { denseProfile } from '../profile/demo-profile';
import { generateDemo } from './demo-generator';
import type { DemoStep } from './journey';

const ID = /^[A-Za-z0-9._:-]{1,128}$/;

function take(seed: number, count: number, options: { prefix?: string; dense?: boolean } = {}): DemoStep[] {
  const demo = generateDemo({ seed, targetEvents: 20_000, prefix: options.prefix, profile: options.dense ? denseProfile() : undefined });
  const steps: DemoStep[] = [];
  for (const step of demo.steps) {
    steps.push(step);
    if (steps.length === count) break;
  }
  return steps;
}

const commandsOf = (steps: DemoStep[]) => steps.flatMap((s) => (s.kind === 'command' ? [s] : []));

/** Ids a partner's own command scopes (the ledger keys them by partner: `<partnerId>/<changeId>`). */
const PARTNER_SCOPED = ['changeId', 'violationId', 'releaseId', 'submissionId'];

/** Every id-like value of a command: fields named `…Id` and the protected account list, with the scoped ones flagged. */
function idsOf(data: Record<string, unknown>): { id: string; scoped: boolean }[] {
  return Object.entries(data).flatMap(([key, value]) => {
    if (key === 'accountIds') return (value as string[]).map((id) => ({ id, scoped: false }));
    return key.endsWith('Id') && typeof value === 'string' ? [{ id: value, scoped: PARTNER_SCOPED.includes(key) }] : [];
  });
}

describe('generateDemo', () => {
  const steps = take(42, 6000);
  const commands = commandsOf(steps);

  it('generates the same commands for the same seed, and others for another seed', () => {
    expect(take(42, 6000)).toEqual(steps);
    expect(commandsOf(take(43, 200)).map((c) => c.request)).not.toEqual(commands.slice(0, 200).map((c) => c.request));
  });

  it('starts on 2025-01-01 and never goes back in business time', () => {
    expect(commands[0]!.at).toBe('2025-01-01T00:00:00.000Z');
    for (let i = 1; i < commands.length; i++) expect(commands[i]!.at >= commands[i - 1]!.at).toBe(true);
  });

  it('dates every command at its place in the history (a registration names an earlier first contact)', () => {
    for (const { at, request } of commands) {
      const data = request.data as Record<string, unknown>;
      const own = ['occurredAt', 'enrolledAt', 'createdInCrmAt', 'openedAt', 'submittedAt', 'resolvedAt', 'effectiveAt', 'effectiveFrom']
        .map((field) => data[field])
        .filter((value) => value !== undefined);
      if (request.type !== 'ReviewProtectedAccounts') expect({ type: request.type, own }).toEqual({ type: request.type, own: [at] });
      if (request.type === 'SubmitDealRegistration') expect(request.data.firstContactAt <= at).toBe(true);
    }
  });

  it('uses ids the API accepts, all under the demo prefix (or scoped by a partner that is)', () => {
    const ids = commandsOf(take(42, 3000, { prefix: 'trial7', dense: true })).flatMap(({ request }) => idsOf(request.data as Record<string, unknown>));
    expect(ids.some((i) => i.scoped)).toBe(true);
    for (const { id, scoped } of ids) expect({ id, valid: ID.test(id) && (scoped || id.startsWith('trial7-')) }).toEqual({ id, valid: true });
  });

  it('sends positive amounts with no more decimals than their currency has', () => {
    const amounts = commands.flatMap(({ request }) =>
      request.type === 'RecordPayment' || request.type === 'OpenOpportunity' ? [{ amount: request.data.amount, currency: request.data.currency }] : [],
    );
    expect(new Set(amounts.map((a) => a.currency))).toEqual(new Set(['USD', 'EUR', 'GBP', 'JPY', 'BHD']));
    for (const { amount, currency } of amounts) expect(fitsMinorUnits(amount, currency) && new Money(amount).gt(0)).toBe(true);
  });

  it('releases an account only after the last command that names it', () => {
    const released = new Set<string>();
    let releases = 0;
    for (const step of take(5, 20_000, { dense: true })) {
      if (step.kind === 'release') {
        released.add(step.accountId);
        releases++;
        continue;
      }
      const data = step.request.data as Record<string, unknown>;
      const named = typeof data.accountId === 'string' ? [data.accountId] : [];
      for (const accountId of named) expect({ accountId, released: released.has(accountId) }).toEqual({ accountId, released: false });
    }
    expect(releases).toBeGreaterThan(100);
  });

  it('enrols partners across the three tiers, most of them referral partners', () => {
    const tiers = commands.flatMap(({ request }) => (request.type === 'EnrollPartner' ? [request.data.tier] : []));
    const share = (tier: string) => tiers.filter((t) => t === tier).length / tiers.length;
    expect(tiers.length).toBeGreaterThan(100);
    expect(share('referral')).toBeGreaterThan(0.5);
    expect(share('integration')).toBeGreaterThan(0.2);
    expect(share('solution')).toBeGreaterThan(0.05);
  });
});
