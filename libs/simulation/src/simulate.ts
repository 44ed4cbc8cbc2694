import type { Plan } from '@ledger/domain';
import {
  START,
  type Checkpoint,
  type EventStore,
  type RecordedEvent,
} from '@ledger/event-store/port';
import { CommandGrouper } from './command-groups';
import { MoneyTally, moneyEffectsOf } from './money-effects';
import { buildReport, type SimulationReport } from './simulation-report';
import { SimulatedLedger, SimulationDivergenceError } from './simulated-ledger';
import { isInWindow, type SimulationWindow } from './simulation-window';

export interface SimulationProgress {
  eventsRead: number;
  /** Global position of the last event read, and of the head when the simulation started. */
  position: bigint;
  headPosition: bigint;
}

export interface SimulationOptions {
  plan: Plan;
  window: SimulationWindow;
  /** Events per page of the global log (default 1,000): the log is never held in memory whole. */
  pageSize?: number;
  onProgress?: (progress: SimulationProgress) => void;
}

/**
 * What-if: replays the global log, as it stands when the call starts, under `plan` for the payments
 * of the window, and compares every partner's net commission cost with what the ledger recorded.
 * Reads only (`readAll`, `headCheckpoint`): nothing is appended and no read model is touched.
 *
 * Effects count by the payment they are about, whenever they happen: a refund after the window of a
 * payment inside it counts; a churn inside the window clawing back an older payment does not.
 */
export async function simulate(
  store: Pick<EventStore, 'readAll' | 'headCheckpoint'>,
  options: SimulationOptions,
): Promise<SimulationReport> {
  const { plan, window } = options;
  const head = await store.headCheckpoint();
  const ledger = new SimulatedLedger(plan, window);
  const actual = new MoneyTally();
  const simulated = new MoneyTally();

  const tallyInWindow = (tally: MoneyTally, events: Parameters<typeof moneyEffectsOf>[0][]) => {
    for (const effect of events.flatMap(moneyEffectsOf)) {
      const paidAt = ledger.paymentTime(effect.accountId, effect.paymentId);
      if (paidAt === undefined) {
        throw new SimulationDivergenceError(
          `a commission cites payment ${effect.paymentId} that account ${effect.accountId} never recorded`,
        );
      }
      if (isInWindow(window, paidAt)) tally.add(effect);
    }
  };
  const grouper = new CommandGrouper((command) => {
    const outcome = ledger.replay(command);
    tallyInWindow(actual, outcome.actual);
    tallyInWindow(simulated, outcome.simulated);
  });

  let after = START;
  let eventsRead = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: options.pageSize ?? 1_000 });
    // Events committed after the start are left out, so the answer is about one fixed log.
    const upToHead = page.events.filter((event) => !isAfter(checkpointOf(event), head));
    upToHead.forEach((event) => grouper.push(event));
    eventsRead += upToHead.length;
    const last = upToHead.at(-1);
    if (last)
      options.onProgress?.({
        eventsRead,
        position: last.globalPosition,
        headPosition: head.globalPosition,
      });
    if (upToHead.length === 0 || upToHead.length < page.events.length) break;
    after = page.checkpoint;
  }
  grouper.flush();
  return buildReport(window, plan, actual, simulated);
}

function checkpointOf(event: RecordedEvent): Checkpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

function isAfter(a: Checkpoint, b: Checkpoint): boolean {
  return a.transactionId !== b.transactionId
    ? a.transactionId > b.transactionId
    : a.globalPosition > b.globalPosition;
}
