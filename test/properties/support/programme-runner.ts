import { foldLedger, readWholeLog, type LedgerFold } from './ledger-fold';
import {
  checkBalances,
  checkCommissionCaps,
  checkJournal,
  checkPayouts,
  checkRunAnswer,
} from './money-invariants';
import type { Programme } from './programme.arbitrary';
import { ProgrammeModel, type Action, type Expectation } from './programme.model';
import type { PropertyLedger, StepOutcome } from './property-ledger';

/** What the runs exercised, so a spec can tell a meaningful pass from a vacuous one. */
export class Coverage {
  readonly counts = new Map<string, number>();

  add(what: string, by = 1): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + by);
  }

  count(what: string): number {
    return this.counts.get(what) ?? 0;
  }

  addEvents(fold: LedgerFold): void {
    for (const event of fold.events) this.add(`event:${event.type}`);
  }

  summary(): string {
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([what, n]) => `${what}=${n}`)
      .join(' ');
  }
}

/** Performs one action and checks the answer against what the model expects of it; null if it had nothing to do. */
export async function perform(
  ledger: PropertyLedger,
  model: ProgrammeModel,
  action: Action,
  coverage: Coverage,
): Promise<StepOutcome | null> {
  switch (action.kind) {
    case 'command': {
      const outcome = await ledger.execute(action.request);
      expectOutcome(action.request.type, action.expect, outcome);
      coverage.add(`${action.request.type}:${outcome.kind === 'accepted' ? 'ok' : outcome.code}`);
      return outcome;
    }
    case 'payoutRun': {
      const outcome = await ledger.runPayouts(action.terms);
      expectOutcome('RunPayouts', 'accepted', outcome);
      if (outcome.kind === 'accepted') {
        model.observePayoutRun(action.terms, outcome.reply);
        coverage.add('payouts issued', ((outcome.reply.payouts ?? []) as unknown[]).length);
      }
      return outcome;
    }
    case 'closePayout': {
      const target = model.closeTarget(action.closing);
      if (target === null) return null;
      const outcome = await ledger.closePayout(target.type, target.payoutId, target.occurredAt);
      expectOutcome(target.type, 'accepted', outcome);
      coverage.add(`${target.type}:ok`);
      return outcome;
    }
  }
}

function expectOutcome(what: string, expect: Expectation, outcome: StepOutcome): void {
  if (expect === 'any') return;
  const got = outcome.kind === 'accepted' ? 'accepted' : `refused ${outcome.code}`;
  const wanted = expect === 'accepted' ? 'accepted' : `refused ${expect.refused}`;
  if (got !== wanted) throw new Error(`${what}: expected ${wanted}, the ledger ${got}`);
}

/** Every money invariant of the ledger as it stands now; returns the fold it checked against. */
export async function checkInvariants(
  ledger: PropertyLedger,
  partnerIds: readonly string[],
): Promise<LedgerFold> {
  await ledger.settle();
  const fold = foldLedger(await readWholeLog(ledger.store));
  const read = { db: ledger.db, schema: ledger.readSchema };
  checkCommissionCaps(fold);
  await checkJournal(read, fold);
  await checkBalances(read, fold, partnerIds);
  await checkPayouts(read, fold);
  return fold;
}

/**
 * Runs a whole programme: enrolments, then each step's actions, checking every invariant after each
 * step, and a payout run's answer against its events. `afterStep` adds checks of the caller's.
 */
export async function runProgramme(
  ledger: PropertyLedger,
  programme: Programme,
  coverage: Coverage,
  afterStep: (index: number, fold: LedgerFold) => Promise<void> = async () => undefined,
): Promise<LedgerFold> {
  const model = new ProgrammeModel('', programme);
  const partnerIds = model.partnerIds();
  for (const action of model.setUp()) await perform(ledger, model, action, coverage);
  let fold = await checkInvariants(ledger, partnerIds);
  for (const [index, step] of programme.steps.entries()) {
    for (const action of model.plan(step)) {
      const outcome = await perform(ledger, model, action, coverage);
      if (action.kind === 'payoutRun' && outcome?.kind === 'accepted') {
        fold = await checkInvariants(ledger, partnerIds);
        checkRunAnswer(fold, action.terms.runId, outcome.reply);
      }
    }
    fold = await checkInvariants(ledger, partnerIds);
    await afterStep(index, fold);
  }
  return fold;
}
