export { partnerFunnelProjection } from './partner-funnel.projection';
export { readPartnerFunnel, PERFORMING_REFERRALS_PER_QUARTER } from './partner-funnel.query';
export type { PartnerFunnel } from './partner-funnel.query';
