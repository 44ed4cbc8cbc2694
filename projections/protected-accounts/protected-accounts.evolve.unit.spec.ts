import { projectedLog } from '../account-timeline/testing/projected-log';
import { rowsAfter } from '../account-timeline/testing/in-memory-rows';
import { at, enrolled, listed, payment, revoked } from '../account-timeline/testing/ledger-events';
import { protectedAccountsProjection as projection } from './protected-accounts.projection';
import {
  PROTECTION_ENTRIES,
  PROTECTION_LISTS,
  PROTECTION_PARTNERS,
  PROTECTION_REVOCATIONS,
} from './protected-accounts.schema';

describe('protected accounts evolve', () => {
  const log = projectedLog([
    enrolled('p1', at(0), 'solution'),
    listed(at(1), {
      partnerId: 'p1',
      submissionId: 's1',
      quarter: '2026-Q1',
      accountIds: ['a2', 'a1'],
    }),
    revoked(at(90), {
      partnerId: 'p1',
      accountId: 'a2',
      quarter: '2026-Q1',
      reviewId: 'r1',
      listEventId: 'listed:s1',
    }),
  ]);

  it('keeps enrolled partners, each list and its accounts in list order', () => {
    const rows = rowsAfter(projection, log);

    expect(rows[PROTECTION_PARTNERS]).toEqual([
      { partner_id: 'p1', enrolled_at: at(0), recorded_at: at(0) },
    ]);
    expect(rows[PROTECTION_LISTS]).toEqual([
      {
        partner_id: 'p1',
        event_id: 'listed:s1',
        submission_id: 's1',
        quarter: '2026-Q1',
        transaction_id: '2',
        global_position: '2',
        submitted_at: at(1),
        recorded_at: at(1),
      },
    ]);
    expect(rows[PROTECTION_ENTRIES]).toEqual([
      { list_event_id: 'listed:s1', account_id: 'a1', partner_id: 'p1', list_index: 1 },
      { list_event_id: 'listed:s1', account_id: 'a2', partner_id: 'p1', list_index: 0 },
    ]);
  });

  it('links a revocation to the list it cites as evidence, with the review and its rule', () => {
    expect(rowsAfter(projection, log)[PROTECTION_REVOCATIONS]).toEqual([
      {
        event_id: 'revoked:r1:a2',
        account_id: 'a2',
        partner_id: 'p1',
        list_event_id: 'listed:s1',
        quarter: '2026-Q1',
        review_id: 'r1',
        rule: 'protection.no_pipeline_movement',
        transaction_id: '3',
        global_position: '3',
        revoked_at: at(90),
        recorded_at: at(90),
      },
    ]);
  });

  it('does not react to account events', () => {
    expect(projection.eventTypes).not.toContain('PaymentRecorded');
    expect(
      rowsAfter(
        projection,
        projectedLog([payment(at(1), { id: 'pay1', accountId: 'a1', amount: '1.00' })]),
      ),
    ).toEqual({});
  });

  it('leaves the same rows when events are applied twice', () => {
    expect(rowsAfter(projection, [...log, ...log])).toEqual(rowsAfter(projection, log));
  });
});
