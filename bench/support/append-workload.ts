import { createHash } from 'node:crypto';
import type { CommandRecord, NewEvent } from '@ledger/event-store/port';

/** The shape of the append benchmark: how many events, in what batches, over how many streams. */
export interface AppendWorkload {
  totalEvents: number;
  batchSize: number;
  streams: number;
  /** Appenders running at once, each owning a disjoint set of streams. */
  concurrency: number;
}

/** Where one append goes: a whole batch to one stream, at the exact revision it is known to be at. */
export interface BatchPlan {
  stream: number;
  /** Revision of the batch's first event. */
  first: number;
  size: number;
}

/** One append with its events, built from a {@link BatchPlan} just before it is timed. */
export interface AppendBatch {
  streamId: string;
  /** `no_stream` for the stream's first batch, else the revision of its last event. */
  expected: 'no_stream' | number;
  events: NewEvent[];
  command: CommandRecord;
}

export function workloadFromEnv(): AppendWorkload {
  const int = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isSafeInteger(value) || value < 1)
      throw new Error(`${name} must be a positive integer`);
    return value;
  };
  return {
    totalEvents: int('BENCH_EVENTS', 200_000),
    batchSize: int('BENCH_BATCH', 100),
    streams: int('BENCH_STREAMS', 1000),
    concurrency: int('BENCH_CONCURRENCY', 8),
  };
}

/**
 * The batches each appender sends, in order. Appender `w` owns the streams `s` with
 * `s % concurrency === w` and goes round them, so a stream's batches are sent one after another by
 * one appender and every expected revision is exact, while appenders never contend for a stream.
 */
export function planPerAppender(workload: AppendWorkload): BatchPlan[][] {
  const batches = Math.ceil(workload.totalEvents / workload.batchSize);
  const perAppender: BatchPlan[][] = Array.from({ length: workload.concurrency }, () => []);
  const nextRevision = new Array<number>(workload.streams).fill(0);
  let remaining = workload.totalEvents;
  for (let b = 0; b < batches; b++) {
    const stream = b % workload.streams;
    const size = Math.min(workload.batchSize, remaining);
    remaining -= size;
    const first = nextRevision[stream]!;
    nextRevision[stream] = first + size;
    perAppender[stream % workload.concurrency]!.push({ stream, first, size });
  }
  return perAppender;
}

export function batchOf(plan: BatchPlan): AppendBatch {
  const streamId = `account-bench-${plan.stream}`;
  return {
    streamId,
    expected: plan.first === 0 ? 'no_stream' : plan.first - 1,
    events: Array.from({ length: plan.size }, (_, i) => paymentEvent(plan.stream, plan.first + i)),
    command: {
      commandId: `RecordPayments:${streamId}:${plan.first}`,
      inputHash: createHash('sha256').update(`${streamId}:${plan.first}`).digest('hex'),
      result: { status: 'recorded', count: plan.size },
    },
  };
}

/** A realistic `PaymentRecorded`: about 300 bytes of JSON data. */
export function paymentEvent(stream: number, revision: number): NewEvent {
  const day = String(1 + (revision % 28)).padStart(2, '0');
  return {
    type: 'PaymentRecorded',
    occurredAt: `2026-03-${day}T10:${String(revision % 60).padStart(2, '0')}:00.000Z`,
    data: {
      paymentId: `pay_${stream}_${revision}`,
      accountId: `acc_${stream}`,
      amount: `${100 + (revision % 900)}.${String(revision % 100).padStart(2, '0')}`,
      currency: revision % 5 === 0 ? 'EUR' : 'USD',
      revenueModel: 'monthly_subscription',
      plan: 'growth-monthly',
      costOfRevenue: `${revision % 40}.25`,
      invoice: {
        number: `INV-2026-${String(revision).padStart(7, '0')}`,
        lines: 3,
        taxRate: '0.19',
      },
      source: {
        system: 'billing',
        region: 'eu-central-1',
        batch: `b-${Math.floor(revision / 100)}`,
      },
    },
    metadata: {
      commandId: `RecordPayments:account-bench-${stream}:${revision - (revision % 100)}`,
      correlationId: `corr-${stream}-${Math.floor(revision / 100)}`,
      actor: 'billing-service',
    },
  };
}

/** Runs every appender's batches, the appenders concurrently; returns elapsed milliseconds. */
export async function runAppenders<T>(
  perAppender: T[][],
  send: (item: T) => Promise<unknown>,
): Promise<number> {
  const started = process.hrtime.bigint();
  await Promise.all(
    perAppender.map(async (items) => {
      for (const item of items) await send(item);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e6;
}
