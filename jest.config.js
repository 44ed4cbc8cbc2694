/**
 * One Jest configuration for every level of test. Files are named by level
 * (`*.unit.spec.ts`, `*.int.spec.ts`, `*.e2e.spec.ts`); the store under test is chosen by
 * environment: PGlite always, PostgreSQL when DATABASE_URL is set (see README).
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/projections', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@ledger/domain$': '<rootDir>/libs/domain/src',
    '^@ledger/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
    '^@ledger/event-store$': '<rootDir>/libs/event-store/src',
    '^@ledger/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
    '^@ledger/core$': '<rootDir>/libs/ledger/src',
    '^@ledger/core/(.*)$': '<rootDir>/libs/ledger/src/$1',
    '^@ledger/projections$': '<rootDir>/projections',
    '^@ledger/projections/(.*)$': '<rootDir>/projections/$1',
    '^@ledger/simulation$': '<rootDir>/libs/simulation/src',
    '^@ledger/simulation/(.*)$': '<rootDir>/libs/simulation/src/$1',
    '^@ledger/demo$': '<rootDir>/libs/demo/src',
    '^@ledger/demo/(.*)$': '<rootDir>/libs/demo/src/$1',
  },
  testTimeout: 60000,
  maxWorkers: 2,
};
