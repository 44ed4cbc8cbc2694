import type { CrashClient, Delivery } from './crash-client';
import type { Chain, Workload, WorkloadCommand } from './crash-workload';
import type { ServerSupervisor } from './server-supervisor';

export interface KillPlan {
  /** Kill once this many commands have been acknowledged (ascending), each after a short delay. */
  thresholds: { acknowledged: number; delayMs: number }[];
  /**
   * Also kill in the middle of this payout run: once its first partner's share is committed and
   * before the run is recorded (if the killer is free at that moment).
   */
  duringRun: { runId: string; commandId: string } | null;
}

/** Random kill points spread over the whole workload, from a seeded generator. */
export function planKills(random: () => number, workload: Workload, kills: number): KillPlan {
  const thresholds = Array.from({ length: kills }, () => ({
    acknowledged: Math.floor(workload.size * (0.03 + 0.94 * random())),
    delayMs: Math.floor(random() * 40),
  })).sort((a, b) => a.acknowledged - b.acknowledged);
  // The last run: nothing is written after it, so a resumed run that forgot a share it had issued
  // before the kill would show in its record (a run racing new writes finds its partners again anyway).
  const run = workload.runs.at(-1);
  return {
    thresholds,
    duringRun: run ? { runId: run.body.runId!, commandId: run.commandId } : null,
  };
}

/**
 * Kills and restarts the server at the planned points while the workload runs, until `done()`.
 * Records what was in flight at each kill: the commands the client must now re-send.
 */
export async function killAtPlannedPoints(
  supervisor: ServerSupervisor,
  client: CrashClient,
  plan: KillPlan,
  done: () => boolean,
  /** How many partner shares of a run are committed (`IssuePayout:{runId}:…` command records). */
  sharesIssued: (runId: string) => Promise<number>,
): Promise<{ inFlightAtKill: number[]; killedDuringRun: boolean }> {
  const inFlightAtKill: number[] = [];
  let killedDuringRun = false;
  let next = 0;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const midRun = async () => {
    if (
      plan.duringRun === null ||
      killedDuringRun ||
      !client.inFlight.has(plan.duringRun.commandId)
    )
      return false;
    return (await sharesIssued(plan.duringRun.runId)) > 0;
  };
  while (!done()) {
    if (await midRun()) {
      killedDuringRun = true;
    } else if (
      next < plan.thresholds.length &&
      client.acknowledged >= plan.thresholds[next]!.acknowledged
    ) {
      await sleep(plan.thresholds[next]!.delayMs);
      next++;
    } else {
      await sleep(2);
      continue;
    }
    inFlightAtKill.push(client.inFlight.size);
    await supervisor.restart();
  }
  return { inFlightAtKill, killedDuringRun };
}

/**
 * Delivers the workload: partner enrolments first, then the account chains `connections` at a time
 * with the mid-workload payout runs queued between them, then the closing payments; the last run
 * goes after everything else (and after `beforeFinalRun`, which waits until every acknowledged
 * write is visible).
 */
export async function driveWorkload(
  client: CrashClient,
  workload: Workload,
  connections: number,
  beforeFinalRun: (deliveries: Delivery[]) => Promise<void>,
): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  const runChain = async (chain: Chain) => {
    for (const command of chain) deliveries.push(await client.deliver(command));
  };
  await pool(workload.partners, connections, runChain);
  // The mid-workload runs go evenly between the account chains, racing the writes around them.
  const queue: Chain[] = [...workload.accounts];
  workload.runs.slice(0, -1).forEach((run, k) => {
    const at = Math.floor(((k + 1) * workload.accounts.length) / workload.runs.length) + k;
    queue.splice(at, 0, [run]);
  });
  await pool(queue, connections, runChain);
  await pool(workload.closing, connections, runChain);
  const last = workload.runs.at(-1) as WorkloadCommand | undefined;
  if (last) {
    await beforeFinalRun(deliveries);
    deliveries.push(await client.deliver(last));
  }
  return deliveries;
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
