/**
 * Architecture rules (STYLE.md rule 1): the domain is pure, and the layers point inwards.
 * `npm run lint:deps` fails the build when one is broken.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain may import only itself, decimal.js and uuid: no Nest, no database client, no infrastructure.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: ['\\.spec\\.ts$', '/testing/'] },
      to: {
        pathNot: ['^libs/domain/', '^node_modules/decimal\\.js/', '^node_modules/uuid/'],
      },
    },
    {
      name: 'event-store-knows-no-domain',
      comment: 'The store is generic: it must not know partner-ledger events.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: ['^libs/domain/', '^libs/ledger/', '^apps/', '^projections/'] },
    },
    {
      name: 'projections-use-no-framework',
      comment: 'Projection evolve functions are pure; their runners live in libs/ledger or apps/worker.',
      severity: 'error',
      from: { path: '^projections/', pathNot: '\\.spec\\.ts$' },
      to: { path: ['node_modules/@nestjs/', '^apps/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
