export { describeEventStoreContract } from './contract-suite';
export type { HarnessStoreOptions, RawStoreAccess, StoreHarness } from './store-harness';
