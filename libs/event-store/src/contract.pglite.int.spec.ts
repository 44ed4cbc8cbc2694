import { describeEventStoreContract } from './testing';
import { pgliteContractHarness } from './testing/sql-harness';

// Always runs: embedded PGlite in memory, one database for this file and a fresh schema per test.
const harness = pgliteContractHarness();
afterAll(() => harness.shutdown());

describeEventStoreContract(harness);
