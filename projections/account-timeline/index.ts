export { accountTimelineProjection } from './account-timeline.projection';
export { readTimeline } from './account-timeline.query';
export type { TimelineEntry, TimelinePage, TimelineQuery } from './account-timeline.query';
