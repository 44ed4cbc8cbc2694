import { LimitField, ResumeTokenField } from '../read-side-accounts/query-fields';

export const FEED_PAGE_MAX = 1000;
export const FEED_PAGE_DEFAULT = 100;

export class FeedQuery {
  @ResumeTokenField(
    'resume after the event this token names: the `next` of the previous call; the start of the log when absent',
  )
  after?: string;

  @LimitField(FEED_PAGE_MAX, FEED_PAGE_DEFAULT)
  limit?: number;
}
