import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How a command ended, as `ledger_commands_total` counts it. */
export type CommandOutcomeLabel = 'accepted' | 'duplicate' | 'refused' | 'conflict' | 'error';

/**
 * Process metrics (CPU, memory, event loop, GC) describe the process, not one application in it:
 * they are collected once per process and merged into every scrape. Collecting them per app would
 * start another event-loop monitor and GC observer for every app a test process creates.
 */
let processRegistry: Registry | null = null;

function processMetrics(): Registry {
  if (processRegistry === null) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The ledger's own metrics (SPEC §5 `GET /metrics`), one set per application so that two apps in
 * one process (the e2e specs) never share or double-register a metric. Labels are closed sets —
 * command types, route templates, status codes, projection names — never ids or amounts, so a
 * scrape reveals no partner data and the number of series stays bounded.
 */
export class LedgerMetrics {
  readonly registry = new Registry();

  /** Wall time of `EventStore.append`, by store and result. */
  readonly appendSeconds = new Histogram({
    name: 'ledger_event_store_append_seconds',
    help: "Time to append one command's events to the event store, by store and result (ok, duplicate, conflict, error).",
    labelNames: ['store', 'result'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands handled, by command type and outcome (accepted, duplicate, refused, conflict, error).',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly httpSeconds = new Histogram({
    name: 'ledger_http_request_duration_seconds',
    help: 'HTTP request duration, by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'ledger_projection_lag_positions',
    help: 'Global-log positions between the head of the log and the checkpoint of each projection; 0 when caught up. Sequence gaps make it an upper bound of the events behind.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionCaughtUp = new Gauge({
    name: 'ledger_projection_caught_up',
    help: '1 when the projection has applied every event readable at the scrape, else 0.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly contentType = this.registry.contentType;

  countCommand(type: string, outcome: CommandOutcomeLabel): void {
    this.commands.inc({ type, outcome });
  }

  /** The Prometheus text of this app's metrics and the process's. */
  scrape(): Promise<string> {
    return Registry.merge([processMetrics(), this.registry]).metrics();
  }
}
