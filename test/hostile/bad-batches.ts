import fc from 'fast-check';
import { fillPath } from '../access/declared-routes';
import type { Shot } from './bad-requests';
import { fieldMutations } from './field-mutations';
import { HUGE_STRING, toJsonText } from './hostile-values';
import type { RouteInputs } from './route-inputs';

/** The most commands one batch may carry (SPEC §5). */
const MAX_BATCH_COMMANDS = 1000;

const signup = {
  path: '/v1/signups',
  body: { accountId: 'acc_1', occurredAt: '2026-01-01T00:00:00Z' },
};

/** `commands` values the batch envelope refuses whole. */
const BAD_ENVELOPES: unknown[] = [
  [],
  'commands',
  null,
  {},
  [1],
  [null],
  [{ path: 1, body: {} }],
  [{ path: '/v1/payments' }],
  [{ body: {} }],
  [{ path: '/v1/payments', body: [] }],
  [{ path: '/v1/payments', body: 'x' }],
  [{ path: '/v2/payments', body: {} }],
  [{ path: '/v1/pay ments', body: {} }],
  [{ path: 'v1/payments', body: {} }],
  [{ path: '/v1/payments', body: {}, priority: 'high' }],
  [{ path: `/v1/${HUGE_STRING}`, body: {} }],
];

/**
 * Bad batches: an envelope the batch refuses whole (too many commands, a malformed command list),
 * and sound envelopes carrying bad commands, which the batch answers 200 with one refusal each.
 */
export function badBatches(routes: readonly RouteInputs[]): [string, fc.Arbitrary<Shot>][] {
  const commands = routes.filter((r) => r.method === 'POST' && r.body && r.path !== '/v1/batch');
  const badCommand = fc.oneof(
    { weight: 1, arbitrary: fc.constant({ path: '/v1/nowhere', body: signup.body }) },
    {
      weight: 9,
      arbitrary: fc.constantFrom(...commands).chain((route) => {
        const id = route.pathParams.find((p) => p.name === 'id');
        // A batch names the path as it would be routed, not URL-encoded.
        const path = id ? fillPath(route.path, { id: String(id.example) }) : route.path;
        const mutations = fieldMutations(route.body!).map(([, bodies]) => bodies);
        return fc.oneof(...mutations).map((body) => ({ path, body }));
      }),
    },
  );
  return [
    [
      'batch.tooMany',
      fc.integer({ min: MAX_BATCH_COMMANDS + 1, max: MAX_BATCH_COMMANDS + 50 }).map((n) => ({
        body: JSON.stringify({ commands: Array.from({ length: n }, () => signup) }),
      })),
    ],
    [
      'batch.envelope',
      fc
        .oneof(
          fc.constantFrom(...BAD_ENVELOPES).map((commands) => ({ commands })),
          fc.constant({ commands: [signup], atomic: true }),
        )
        .map((body) => ({ body: toJsonText(body) })),
    ],
    [
      'batch.items',
      fc.array(badCommand, { minLength: 1, maxLength: 5 }).map((items) => ({
        body: toJsonText({ commands: items }),
        expect: 'refused-or-all-items-refused' as const,
      })),
    ],
  ];
}
