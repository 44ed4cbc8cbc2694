import { InstantField } from '../validation/fields';
import { LimitField, ResumeTokenField } from '../read-side-accounts/query-fields';

/** The most timeline entries one page holds. */
export const TIMELINE_PAGE_MAX = 1000;

/** `asOf` and `knownAt` (SPEC §5): both optional and combinable. */
export class PointInTimeQuery {
  @InstantField('2026-03-31T23:59:59Z', {
    optional: true,
    description: 'business time: as things stood at this instant',
  })
  asOf?: string;

  @InstantField('2026-04-01T08:00:00Z', {
    optional: true,
    description: 'ledger time: only what the ledger had recorded by this instant',
  })
  knownAt?: string;
}

export class AccountTimelineQuery extends PointInTimeQuery {
  @ResumeTokenField('resume after the entry this token names: the `next` of the previous page')
  after?: string;

  @LimitField(TIMELINE_PAGE_MAX, TIMELINE_PAGE_MAX)
  limit?: number;
}
