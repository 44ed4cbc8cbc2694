import { Agent, request } from 'node:http';
import type { WorkloadCommand } from './crash-workload';

export interface Delivery {
  command: WorkloadCommand;
  /** Every attempt's result, in order: a status, or the network error that cut it short. */
  attempts: string[];
  /** The first definitive answer (anything but a network error, a 5xx or a concurrency 409). */
  status: number;
  text: string;
  body: Record<string, unknown>;
}

const REQUEST_TIMEOUT_MS = 120_000;

/**
 * A client that keeps every command until the ledger acknowledges it: when the connection drops, the
 * server answers 5xx (503 while the read models catch up after a restart) or 409 "Concurrent
 * change", it waits a little and sends the very same command again (same id, same body). Its
 * connections die with the server and are opened afresh.
 */
export class CrashClient {
  private readonly agent: Agent;
  /** Commands sent at least once and not acknowledged yet. */
  readonly inFlight = new Set<string>();
  acknowledged = 0;
  retries = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly keys: Record<WorkloadCommand['role'], string>,
    connections: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  async deliver(command: WorkloadCommand): Promise<Delivery> {
    const attempts: string[] = [];
    this.inFlight.add(command.commandId);
    try {
      for (;;) {
        const answer = await this.post(command).catch((error: Error & { code?: string }) => ({
          status: 0,
          text: error.code ?? error.message,
        }));
        attempts.push(answer.status === 0 ? answer.text : String(answer.status));
        if (!retryable(answer.status, answer.text)) {
          this.acknowledged++;
          return {
            command,
            attempts,
            status: answer.status,
            text: answer.text,
            body: parse(answer.text),
          };
        }
        this.retries++;
        if (attempts.length > 2_000)
          throw new Error(
            `${command.commandId} was never acknowledged: ${attempts.slice(-5).join(', ')}`,
          );
        await new Promise((resolve) =>
          setTimeout(resolve, 25 + Math.min(250, attempts.length * 10)),
        );
      }
    } finally {
      this.inFlight.delete(command.commandId);
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private post(command: WorkloadCommand): Promise<{ status: number; text: string }> {
    const payload = JSON.stringify(command.body);
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.baseUrl}${command.path}`,
        {
          method: 'POST',
          agent: this.agent,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            authorization: `Bearer ${this.keys[command.role]}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

function retryable(status: number, text: string): boolean {
  if (status === 0 || status >= 500) return true;
  return status === 409 && parse(text).title === 'Concurrent change';
}

function parse(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
