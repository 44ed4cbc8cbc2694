export { protectedAccountsProjection } from './protected-accounts.projection';
export { readProtectedAccounts } from './protected-accounts.query';
export type {
  ProtectedAccount,
  ProtectedAccountList,
  ProtectedAccountsQuery,
} from './protected-accounts.query';
