import Decimal from 'decimal.js';
import type { Client } from 'pg';
import type { Delivery } from './crash-client';
import type { Workload } from './crash-workload';

interface EventRow {
  event_id: string;
  stream_id: string;
  type: string;
  command_id: string | null;
  data: Record<string, unknown>;
}

export interface AuditReport {
  problems: string[];
  events: number;
  payouts: number;
}

/**
 * What the store holds after the crashes, against what the client was told: every command's
 * events exist exactly once (the event ids its answer named, no more, no fewer, one command
 * record), nothing else was written but the payout runs' per-partner shares, no item was paid twice,
 * every run's record names every payout issued under it, and each partner's money reconciles to
 * the cent with what the workload implies.
 */
export async function auditStore(
  db: Client,
  schema: string,
  workload: Workload,
  deliveries: Delivery[],
): Promise<AuditReport> {
  const problems: string[] = [];
  const { rows: events } = await db.query<EventRow>(
    `SELECT event_id::text AS event_id, stream_id, type, metadata->>'commandId' AS command_id, data
       FROM "${schema}".events ORDER BY transaction_id, global_position`,
  );
  const { rows: records } = await db.query<{ command_id: string }>(
    `SELECT command_id FROM "${schema}".commands`,
  );
  const byCommand = new Map<string, string[]>();
  for (const e of events)
    byCommand.set(e.command_id ?? '', [...(byCommand.get(e.command_id ?? '') ?? []), e.event_id]);
  const recorded = new Set(records.map((r) => r.command_id));

  for (const delivery of deliveries) {
    const id = delivery.command.commandId;
    if (delivery.status !== 201) {
      problems.push(`${id}: answered ${delivery.status} ${delivery.text}`);
      continue;
    }
    const answered = (delivery.body.eventIds ?? []) as string[];
    const stored = byCommand.get(id) ?? [];
    if (stored.length !== answered.length || stored.some((eventId) => !answered.includes(eventId)))
      problems.push(
        `${id}: answered events ${answered.join(',')}, the store holds ${stored.join(',')}`,
      );
    if (!recorded.has(id)) problems.push(`${id}: no command record`);
  }
  const sent = new Set(deliveries.map((d) => d.command.commandId));
  for (const [commandId, ids] of byCommand) {
    if (!sent.has(commandId) && !commandId.startsWith('IssuePayout:'))
      problems.push(`${ids.length} event(s) under ${commandId}, which no client sent`);
  }
  problems.push(...auditPayouts(events, workload));
  return {
    problems,
    events: events.length,
    payouts: events.filter((e) => e.type === 'PayoutIssued').length,
  };
}

function auditPayouts(events: EventRow[], workload: Workload): string[] {
  const problems: string[] = [];
  const settled = new Map<string, string>();
  const paid = new Map<string, Decimal>();
  const earned = new Map<string, Decimal>();
  const reversed = new Map<string, Decimal>();
  const runs = new Map<string, Record<string, unknown>>();
  const add = (into: Map<string, Decimal>, key: string, amount: unknown) =>
    into.set(key, (into.get(key) ?? new Decimal(0)).plus(String(amount)));

  for (const { type, data } of events) {
    if (type === 'CommissionEarned') add(earned, String(data.partnerId), data.amount);
    if (type === 'CommissionReversed') add(reversed, String(data.partnerId), data.amount);
    if (type === 'PayoutRunCompleted') runs.set(String(data.runId), data);
    if (type !== 'PayoutIssued') continue;
    add(paid, String(data.partnerId), data.amount);
    for (const line of data.lines as { itemId: string }[]) {
      const key = `${String(data.partnerId)}/${line.itemId}`;
      if (settled.has(key))
        problems.push(`item ${key} paid by ${settled.get(key)} and ${String(data.payoutId)}`);
      settled.set(key, String(data.payoutId));
    }
  }

  // Each run's record lists every payout issued under its id (a re-run after a crash included).
  for (const { type, data } of events) {
    if (type !== 'PayoutIssued') continue;
    const run = runs.get(String(data.runId));
    const listed = ((run?.payouts ?? []) as { payoutId: string; amount: string }[]).some(
      (p) => p.payoutId === data.payoutId && p.amount === data.amount,
    );
    if (!listed)
      problems.push(
        `payout ${String(data.payoutId)} is missing from run ${String(data.runId)}'s record`,
      );
  }

  const finalRun = runs.get(String(workload.runs.at(-1)?.body.runId));
  if (!finalRun) return [...problems, 'the final payout run was not recorded'];
  const carried = new Map<string, Decimal>();
  for (const c of finalRun.carriedForward as { partnerId: string; amount: string }[])
    add(carried, c.partnerId, c.amount);
  for (const [partnerId, want] of workload.expected) {
    const zero = new Decimal(0);
    const got = {
      earned: earned.get(partnerId) ?? zero,
      reversed: reversed.get(partnerId) ?? zero,
    };
    if (!got.earned.eq(want.earned) || !got.reversed.eq(want.reversed))
      problems.push(
        `${partnerId}: earned ${got.earned} reversed ${got.reversed}, the workload implies ${want.earned} and ${want.reversed}`,
      );
    // Paid over all runs, plus what the last run carried forward, is exactly the partner's net.
    const settledNet = (paid.get(partnerId) ?? zero).plus(carried.get(partnerId) ?? zero);
    if (!settledNet.eq(want.earned.minus(want.reversed)))
      problems.push(
        `${partnerId}: paid ${paid.get(partnerId) ?? 0} + carried ${carried.get(partnerId) ?? 0} ≠ net ${want.earned.minus(want.reversed)}`,
      );
  }
  return problems;
}

/** Re-sends every command once more: each must answer 201 with exactly its first answer's bytes. */
export function differingDuplicates(first: Delivery[], again: Delivery[]): string[] {
  return again
    .map((d, i) => [first[i]!, d] as const)
    .filter(([a, b]) => a.status !== b.status || a.text !== b.text)
    .map(
      ([a, b]) =>
        `${a.command.commandId}: first ${a.status} ${a.text}\n  again ${b.status} ${b.text}`,
    );
}
