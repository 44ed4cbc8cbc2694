import type {
  AppendOptions,
  CommandRecord,
  EventStore,
  NewEvent,
  RecordedEvent,
} from '@ledger/event-store/port';
import { IdempotencyConflictError } from '@ledger/event-store/errors';
import type { CommandRequest } from './command-routing';
import { LedgerCommands } from './ledger-commands.service';

/** Just enough of an event store to watch what the command service reads and appends. */
class MemoryStore {
  readonly appends: { streamId: string; events: NewEvent[]; options: AppendOptions }[] = [];
  private readonly streamsById = new Map<string, RecordedEvent[]>();
  private readonly commands = new Map<string, CommandRecord>();
  private readonly keys = new Map<string, string>();
  private position = 0n;

  async findCommand(commandId: string) {
    return this.commands.get(commandId) ?? null;
  }
  async lookupKey(key: string) {
    return this.keys.get(key) ?? null;
  }
  async readStream(streamId: string) {
    return this.streamsById.get(streamId) ?? [];
  }
  async readStreams(streamIds: readonly string[]) {
    return new Map(streamIds.map((id) => [id, this.streamsById.get(id) ?? []]));
  }
  async append(streamId: string, events: NewEvent[], options: AppendOptions) {
    // As the port promises: a command id already recorded appends nothing and answers as it did.
    const earlier = options.command && this.commands.get(options.command.commandId);
    if (earlier) {
      if (earlier.inputHash !== options.command!.inputHash)
        throw new IdempotencyConflictError(earlier.commandId);
      const eventIds = (earlier.result.eventIds as string[] | undefined) ?? [];
      return {
        nextExpectedRevision: -1,
        eventIds,
        result: earlier.result,
        duplicate: true,
        checkpoint: null,
      };
    }
    this.appends.push({ streamId, events, options });
    const stream = this.streamsById.get(streamId) ?? [];
    for (const event of events) {
      this.position++;
      stream.push({
        eventId: event.eventId!,
        type: event.type,
        streamId,
        streamRevision: stream.length,
        globalPosition: this.position,
        transactionId: this.position,
        occurredAt: event.occurredAt,
        recordedAt: '2026-06-01T00:00:00.000Z',
        data: event.data,
        metadata: {
          ...event.metadata,
          schemaVersion: event.schemaVersion ?? 1,
          hash: 'h',
          prevHash: 'p',
        },
      });
    }
    this.streamsById.set(streamId, stream);
    for (const key of options.keys ?? []) this.keys.set(key, streamId);
    if (options.command) this.commands.set(options.command.commandId, options.command);
    return {
      nextExpectedRevision: stream.length - 1,
      eventIds: events.map((e) => e.eventId!),
      result: options.command?.result ?? null,
      duplicate: false,
      checkpoint: null,
    };
  }
}

function setUp() {
  const store = new MemoryStore();
  return { store, ledger: new LedgerCommands(store as unknown as EventStore) };
}

/** Only solution partners may protect accounts. */
const enrollSolution = {
  type: 'EnrollPartner',
  data: {
    partnerId: 'p1',
    name: 'P One',
    tier: 'solution',
    enrolledAt: '2026-01-01T00:00:00.000Z',
  },
} as const;
const enroll = {
  type: 'EnrollPartner',
  data: {
    partnerId: 'p1',
    name: 'P One',
    tier: 'integration',
    enrolledAt: '2026-01-01T00:00:00.000Z',
  },
} as const;

describe('LedgerCommands', () => {
  it("appends a partner command to the partner's stream under <Type>:<natural id>, with actor and correlation id", async () => {
    const { store, ledger } = setUp();
    const outcome = await ledger.execute(enroll, {
      actor: 'api:manager@abc',
      correlationId: 'trace-1',
    });
    expect(outcome).toMatchObject({ kind: 'accepted', duplicate: false });
    expect(store.appends).toHaveLength(1);
    const [append] = store.appends;
    expect(append!.streamId).toBe('partner-p1');
    expect(append!.options).toMatchObject({
      expected: 'no_stream',
      command: { commandId: 'EnrollPartner:p1' },
    });
    expect(append!.events[0]!.metadata).toMatchObject({
      commandId: 'EnrollPartner:p1',
      actor: 'api:manager@abc',
      correlationId: 'trace-1',
    });
  });

  it.each([
    [
      {
        type: 'PublishCommissionPlan',
        data: {
          planId: 'default',
          version: 2,
          effectiveFrom: '2026-07-01T00:00:00.000Z',
          influencedFactor: '0.5',
          basis: 'gross',
          rates: ratesOf('0.1'),
        },
      },
      'plans',
      'PublishCommissionPlan:default@2',
    ],
    [
      {
        type: 'CreateAccountInCrm',
        data: { accountId: 'a1', createdInCrmAt: '2026-01-01T00:00:00.000Z' },
      },
      'account-a1',
      'CreateAccountInCrm:a1',
    ],
    [
      {
        type: 'SubmitProtectedAccounts',
        data: {
          partnerId: 'p1',
          submissionId: 's1',
          quarter: '2026-Q3',
          accountIds: [],
          submittedAt: '2026-07-01T00:00:00.000Z',
        },
      },
      'protected-accounts',
      'SubmitProtectedAccounts:p1/s1',
    ],
  ] as [CommandRequest, string, string][])('routes %j', async (command, streamId, commandId) => {
    const { store, ledger } = setUp();
    await ledger.execute(enrollSolution);
    expect(await ledger.execute(command)).toMatchObject({ kind: 'accepted' });
    expect(store.appends.at(-1)).toMatchObject({ streamId, options: { command: { commandId } } });
  });

  it('answers payment.not_found for a refund of a payment nobody recorded, reading no account', async () => {
    const { store, ledger } = setUp();
    const outcome = await ledger.execute({
      type: 'RecordRefund',
      data: {
        refundId: 'r1',
        paymentId: 'pay_x',
        amount: '1.00',
        occurredAt: '2026-02-01T00:00:00.000Z',
      },
    });
    expect(outcome).toMatchObject({
      kind: 'refused',
      code: 'payment.not_found',
      field: 'paymentId',
    });
    expect(store.appends).toHaveLength(0);
  });

  it("finds a refund's account through the payment's lookup key", async () => {
    const { store, ledger } = setUp();
    const payment = {
      paymentId: 'pay_1',
      accountId: 'acc_9',
      amount: '100.00',
      currency: 'USD',
      revenueModel: 'usage',
      occurredAt: '2026-02-01T00:00:00.000Z',
    } as const;
    expect(await ledger.execute({ type: 'RecordPayment', data: payment })).toMatchObject({
      kind: 'accepted',
    });
    const refund = await ledger.execute({
      type: 'RecordRefund',
      data: {
        refundId: 'r1',
        paymentId: 'pay_1',
        amount: '40.00',
        occurredAt: '2026-02-02T00:00:00.000Z',
      },
    });
    expect(refund).toMatchObject({ kind: 'accepted' });
    const last = store.appends.at(-1)!;
    expect(last.streamId).toBe('account-acc_9');
    expect(last.options.command?.commandId).toBe('RecordRefund:r1');
    expect(last.events[0]).toMatchObject({
      type: 'PaymentRefunded',
      data: { accountId: 'acc_9', amount: '40.00' },
    });
  });

  it('loads the partners a decision needs from their own streams', async () => {
    const { ledger } = setUp();
    const touchpoint = {
      touchpointId: 't1',
      partnerId: 'p1',
      accountId: 'a1',
      kind: 'referral_click',
      occurredAt: '2026-02-01T00:00:00.000Z',
    } as const;
    expect(await ledger.execute({ type: 'RecordTouchpoint', data: touchpoint })).toMatchObject({
      kind: 'refused',
      code: 'partner.not_found',
    });
    await ledger.execute(enroll);
    expect(await ledger.execute({ type: 'RecordTouchpoint', data: touchpoint })).toMatchObject({
      kind: 'accepted',
    });
  });

  it('hashes what the caller says it received, so a re-delivery with a new server-filled value is a duplicate', async () => {
    const { store, ledger } = setUp();
    await ledger.execute(enrollSolution);
    const submit = (submittedAt: string) => ({
      type: 'SubmitProtectedAccounts' as const,
      data: {
        partnerId: 'p1',
        submissionId: 's1',
        quarter: '2026-Q3',
        accountIds: [],
        submittedAt,
      },
    });
    const input = { partnerId: 'p1', submissionId: 's1', quarter: '2026-Q3', accountIds: [] };
    const first = await ledger.execute(submit('2026-07-01T00:00:00.000Z'), { input });
    expect(first).toMatchObject({ kind: 'accepted', duplicate: false });
    const appended = store.appends.length;
    const second = await ledger.execute(submit('2026-07-01T00:05:00.000Z'), { input });
    expect(second).toMatchObject({ kind: 'accepted', duplicate: true });
    expect(store.appends).toHaveLength(appended);
  });
});

function ratesOf(rate: string) {
  const row = { monthly_subscription: rate, annual_subscription: rate, usage: rate, outcome: rate };
  return { referral: row, integration: row, solution: row };
}
