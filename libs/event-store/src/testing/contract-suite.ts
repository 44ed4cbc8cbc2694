import { describeBasics } from './basics.contract';
import { describeConcurrency } from './concurrency.contract';
import { describeExpectedRevision } from './expected-revision.contract';
import { describeGlobalLog } from './global-log.contract';
import { describeIdempotency } from './idempotency.contract';
import { describeInputValidation } from './input-validation.contract';
import { describeLookupKeys } from './lookup-keys.contract';
import { describeReadStreams } from './read-streams.contract';
import { describeSeals } from './seals.contract';
import { describeTamperEvidence } from './tamper.contract';
import { describeUpcasting } from './upcasting.contract';
import type { StoreHarness } from './store-harness';

export type { HarnessStoreOptions, RawStoreAccess, StoreHarness } from './store-harness';

/**
 * The one contract every event store adapter passes (SPEC §2). Each test gets a fresh, isolated
 * store from the harness, so tests neither see nor disturb each other and can run in any order.
 * Tests that tamper with the database behind the store's back need `harness.raw`; without it they
 * are registered as skipped, with the reason in their name, rather than silently left out.
 */
export function describeEventStoreContract(harness: StoreHarness): void {
  describe(`event store contract: ${harness.name}`, () => {
    describeBasics(harness);
    describeReadStreams(harness);
    describeExpectedRevision(harness);
    describeConcurrency(harness);
    describeGlobalLog(harness);
    describeIdempotency(harness);
    describeLookupKeys(harness);
    describeInputValidation(harness);
    describeUpcasting(harness);
    describeSeals(harness);
    describeTamperEvidence(harness);
  });
}
