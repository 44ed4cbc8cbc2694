import { describeEventStoreContract } from './testing';
import { postgresContractHarness } from './testing/sql-harness';

const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

if (url) {
  // Each store lives in its own fresh `contract_<random>` schema, dropped when the test ends.
  const harness = postgresContractHarness(url);
  afterAll(() => harness.shutdown());
  describeEventStoreContract(harness);
} else {
  console.warn(
    'PostgreSQL contract suite SKIPPED: set DATABASE_URL (or TEST_DATABASE_URL), e.g. ' +
      'postgres://postgres@127.0.0.1:5432/test, to run it against a real PostgreSQL.',
  );
  describe.skip('event store contract: postgres [SKIPPED: DATABASE_URL is not set]', () => {
    test('needs DATABASE_URL or TEST_DATABASE_URL', () => undefined);
  });
}
