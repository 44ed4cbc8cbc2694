export { accountAttributionProjection } from './account-attribution.projection';
export { readAttribution } from './account-attribution.query';
export type {
  AccountAttribution,
  AttributionCredit,
  AttributionQuery,
} from './account-attribution.query';
