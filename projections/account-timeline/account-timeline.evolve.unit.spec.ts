import { accountTimelineProjection as projection } from './account-timeline.projection';
import { projected, projectedLog } from './testing/projected-log';
import { rowsAfter } from './testing/in-memory-rows';
import {
  at,
  attribution,
  disputeOpened,
  enrolled,
  listed,
  payment,
  revoked,
  touchpoint,
} from './testing/ledger-events';
import { TIMELINE_ENTRIES } from './account-timeline.schema';

describe('account timeline evolve', () => {
  it('keeps one row per account event with its position, times, revision and data', () => {
    const [event] = projectedLog([
      {
        event: touchpoint(at(1), { id: 't1', partnerId: 'p1', accountId: 'a1' }),
        recordedAt: at(2),
        transactionId: 77n,
      },
    ]);

    expect(projection.evolve(event!)).toEqual([
      {
        kind: 'insert',
        table: TIMELINE_ENTRIES,
        key: ['account_id', 'event_id'],
        row: {
          account_id: 'a1',
          event_id: 'touch:t1',
          transaction_id: '77',
          global_position: '1',
          stream_id: 'account-a1',
          stream_revision: 0,
          type: 'TouchpointRecorded',
          occurred_at: at(1),
          recorded_at: at(2),
          rule: null,
          dispute_id: null,
          data_json: JSON.stringify({
            touchpointId: 't1',
            partnerId: 'p1',
            accountId: 'a1',
            kind: 'coupon',
          }),
        },
      },
    ]);
  });

  it('names the rule of a derived event and the dispute an event belongs to', () => {
    const decided = projected(
      attribution(at(3), {
        id: 'd1',
        accountId: 'a1',
        sourced: 'p1',
        rule: 'attribution.new_account',
      }),
    );
    const dispute = projected(
      disputeOpened(at(4), {
        id: 'x1',
        accountId: 'a1',
        claimant: 'p2',
        reason: 'we introduced them',
      }),
    );

    expect(projection.evolve(decided)[0]!.row).toMatchObject({
      rule: 'attribution.new_account',
      dispute_id: null,
    });
    expect(projection.evolve(dispute)[0]!.row).toMatchObject({ rule: null, dispute_id: 'x1' });
  });

  it('puts a protected-accounts list on the timeline of every listed account, and a revocation on its account', () => {
    const log = projectedLog([
      listed(at(1), {
        partnerId: 'p1',
        submissionId: 's1',
        quarter: '2026-Q1',
        accountIds: ['a1', 'a2'],
      }),
      revoked(at(90), {
        partnerId: 'p1',
        accountId: 'a2',
        quarter: '2026-Q1',
        reviewId: 'r1',
        listEventId: 'listed:s1',
      }),
    ]);

    const rows = rowsAfter(projection, log)[TIMELINE_ENTRIES]!;

    expect(rows.map((row) => [row.account_id, row.type, row.stream_id])).toEqual([
      ['a1', 'ProtectedAccountsSubmitted', 'protected-accounts'],
      ['a2', 'ProtectedAccountsSubmitted', 'protected-accounts'],
      ['a2', 'ProtectionRevoked', 'protected-accounts'],
    ]);
  });

  it('ignores events that belong to no account', () => {
    expect(projection.eventTypes).not.toContain('PartnerEnrolled');
    expect(projection.evolve(projected(enrolled('p1', at(0))))).toEqual([]);
  });

  it('leaves the same rows when an event is applied twice', () => {
    const log = projectedLog([payment(at(5), { id: 'pay1', accountId: 'a1', amount: '100.00' })]);

    const once = rowsAfter(projection, log);

    expect(rowsAfter(projection, [...log, ...log])).toEqual(once);
    expect(once[TIMELINE_ENTRIES]).toHaveLength(1);
  });
});
