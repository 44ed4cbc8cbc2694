import type { LedgerConfig } from '@ledger/core/ledger-config';
import { LedgerCommands } from '@ledger/core/commands/ledger-commands.service';
import type { SqlEventStore } from '@ledger/event-store/sql/sql-event-store';
import { ALL_PROJECTIONS } from '@ledger/projections';
import { compareCheckpoints } from '@ledger/projections/runner/checkpoint';
import { ProjectionRunner } from '@ledger/projections/runner/projection-runner';
import { readSchemaFor } from '@ledger/projections/runner/read-schema';
// libs/simulation has a small hand-computed programme history; its testing folder has no alias.
import {
  record,
  recordProgrammeHistory,
} from '../../../../../libs/simulation/src/testing/programme-history';
import { ClosePayoutService } from '../../../../api/src/closing-payouts/close-payout.service';
import { storeReadModels } from '../../../../api/src/payouts/payout-read-models';
import { RunPayoutsService } from '../../../../api/src/running-payouts/run-payouts.service';

/** The payout run of the story: May 2026, and the payout of it that was then marked paid. */
export const STORY_RUN = { runId: 'run_2026_05', asOf: '2026-05-01T00:00:00.000Z' };
export const STORY_PAID = { payoutId: 'run_2026_05:p_int:USD', reference: 'wire-0001' };

/**
 * The e2e story the audit specs share, recorded through the real application paths: the programme
 * history of `libs/simulation` (three partners, refunds, churn, a dispute, JPY), a fourth partner whose
 * commissions a second pricing violation holds, a protected-account list and a won opportunity, then
 * the May payout run with one payout marked paid. Every read model ends up holding rows.
 */
export async function recordAuditStory(store: SqlEventStore, schema: string): Promise<void> {
  const commands = new LedgerCommands(store);
  await recordProgrammeHistory(commands);
  const run = (request: Parameters<typeof record>[1]) => record(commands, request);
  await run({
    type: 'EnrollPartner',
    data: {
      partnerId: 'p_held',
      name: 'p_held',
      tier: 'integration',
      enrolledAt: '2026-01-01T00:00:00.000Z',
    },
  });
  await run({
    type: 'CreateAccountInCrm',
    data: { accountId: 'acc_h', createdInCrmAt: '2026-01-20T10:00:00.000Z' },
  });
  await run({
    type: 'RecordTouchpoint',
    data: {
      touchpointId: 'tp_h',
      partnerId: 'p_held',
      accountId: 'acc_h',
      kind: 'co_sell_intro',
      occurredAt: '2026-02-01T10:00:00.000Z',
    },
  });
  await run({
    type: 'RecordPayment',
    data: {
      paymentId: 'pay_h',
      accountId: 'acc_h',
      amount: '250.00',
      currency: 'USD',
      revenueModel: 'usage',
      occurredAt: '2026-02-12T10:00:00.000Z',
    },
  });
  for (const [violationId, occurredAt] of [
    ['v1', '2026-03-01T10:00:00.000Z'],
    ['v2', '2026-03-02T10:00:00.000Z'],
  ] as const) {
    await run({
      type: 'RecordPricingViolation',
      data: { partnerId: 'p_held', violationId, occurredAt, detail: 'below MAP' },
    });
  }
  await run({
    type: 'SubmitProtectedAccounts',
    data: {
      partnerId: 'p_sol',
      submissionId: 's1',
      quarter: '2026-Q2',
      accountIds: ['acc_8', 'acc_9'],
      submittedAt: '2026-04-01T09:00:00.000Z',
    },
  });
  await run({
    type: 'OpenOpportunity',
    data: {
      opportunityId: 'opp_8',
      accountId: 'acc_8',
      amount: '5000.00',
      currency: 'USD',
      openedAt: '2026-03-01T10:00:00.000Z',
    },
  });
  await run({
    type: 'WinOpportunity',
    data: { opportunityId: 'opp_8', occurredAt: '2026-03-25T10:00:00.000Z' },
  });

  const config = { schema } as LedgerConfig;
  await untilLogShowsEverything(store);
  await catchUp(store, schema);
  await new RunPayoutsService(store, storeReadModels(store, config)).run(
    { ...STORY_RUN, minimumPayout: '50.00' },
    { actor: 'spec' },
  );
  await new ClosePayoutService(store).close(
    'MarkPayoutPaid',
    STORY_PAID.payoutId,
    { occurredAt: '2026-05-03T09:00:00.000Z', reference: STORY_PAID.reference },
    { actor: 'spec' },
  );
  await untilLogShowsEverything(store);
  await catchUp(store, schema);
}

/**
 * Waits until readers of the global log see every committed event. On a shared PostgreSQL an event
 * shows only once every older transaction on the server has ended (SPEC §2), so another spec's open
 * transaction can hide the story's last writes from a catch-up for a moment.
 */
export async function untilLogShowsEverything(
  store: SqlEventStore,
  timeoutMs = 20_000,
): Promise<void> {
  const [last] = await store.raw().query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position
       FROM ${store.table('events')} ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  if (last === undefined) return;
  const target = {
    transactionId: BigInt(last.transaction_id),
    globalPosition: BigInt(last.global_position),
  };
  const deadline = Date.now() + timeoutMs;
  while (compareCheckpoints(await store.headCheckpoint(), target) < 0) {
    if (Date.now() > deadline)
      throw new Error(`the log did not show its last event within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Applies the whole log to the live read models, as the worker would. */
export async function catchUp(store: SqlEventStore, schema: string): Promise<void> {
  const runner = new ProjectionRunner({
    store,
    db: store.raw(),
    schema: readSchemaFor(schema),
    projections: ALL_PROJECTIONS,
  });
  await runner.catchUp();
}
