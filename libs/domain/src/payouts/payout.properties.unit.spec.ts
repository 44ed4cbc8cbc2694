import fc from 'fast-check';
import Decimal from 'decimal.js';
import type { PayoutEvent } from '../messages/payout-events';
import { decideClosePayout } from './close-payout.decide';
import { evolvePayouts } from './payout.evolve';
import type { PayoutItem } from './payout-item';
import { PARTNER, adjustment, commission, run, stateFrom } from './testing/payout-builders';
import { decidePayout } from './payout.decide';

/** Items of one partner: commissions in two currencies, some reversed or clawed back, payable on one of four month starts. */
const items = fc
  .array(
    fc.record({
      cents: fc.integer({ min: 1, max: 12_000 }),
      currency: fc.constantFrom('USD', 'EUR'),
      month: fc.integer({ min: 1, max: 4 }),
      adjustCents: fc.option(fc.integer({ min: 1, max: 12_000 }), { nil: null }),
    }),
    { maxLength: 25 },
  )
  .map((specs) =>
    specs.flatMap((spec, i): PayoutItem[] => {
      const payableFrom = `2026-0${spec.month}-01T00:00:00.000Z`;
      const earned = commission(i, (spec.cents / 100).toFixed(2), {
        currency: spec.currency,
        payableFrom,
      });
      if (spec.adjustCents === null) return [earned];
      const taken = Math.min(spec.adjustCents, spec.cents);
      return [
        earned,
        adjustment(i % 2 ? 'reversal' : 'clawback', earned, (-taken / 100).toFixed(2), {
          occurredAt: payableFrom,
        }),
      ];
    }),
  );

/** What finance does between runs: nothing, pay the newest open payout, or fail it. */
const steps = fc.array(
  fc.record({
    month: fc.integer({ min: 1, max: 5 }),
    close: fc.constantFrom('none', 'paid', 'failed'),
  }),
  { minLength: 1, maxLength: 8 },
);

describe('payout runs over any history', () => {
  it('never settle an item twice, sum lines exactly, and pay only at or above the minimum', () => {
    fc.assert(
      fc.property(items, steps, (candidates, plan) => {
        const events: PayoutEvent[] = [];
        plan.forEach((step, n) => {
          const asOf = `2026-0${step.month}-01T00:00:00.000Z`;
          const decision = decidePayout(
            stateFrom(events),
            candidates,
            run({ runId: `run-${n}`, asOf, commandId: `IssuePayout:run-${n}:${PARTNER}` }),
          );
          if (decision.kind === 'accepted') events.push(...decision.events);
          const open = Object.values(stateFrom(events).payouts)
            .filter((p) => p.status === 'issued')
            .pop();
          if (open && step.close !== 'none') {
            const type = step.close === 'paid' ? 'MarkPayoutPaid' : 'MarkPayoutFailed';
            const commandId = `${type}:${open.payoutId}`;
            const close = decideClosePayout(
              {
                type,
                data: {
                  payoutId: open.payoutId,
                  partnerId: PARTNER,
                  occurredAt: '2026-06-01T00:00:00.000Z',
                },
                metadata: { commandId },
              },
              stateFrom(events),
            );
            if (close.kind === 'accepted') events.push(...close.events);
          }
        });

        const final = events.reduce(evolvePayouts, stateFrom());
        const live = Object.values(final.payouts).filter((p) => p.status !== 'failed');
        const liveItemIds = live.flatMap((p) => p.itemIds);
        expect(new Set(liveItemIds).size).toBe(liveItemIds.length);
        for (const event of events) {
          if (event.type !== 'PayoutIssued') continue;
          const total = event.data.lines.reduce(
            (sum, line) => sum.plus(line.amount),
            new Decimal(0),
          );
          expect(total.equals(event.data.amount)).toBe(true);
          expect(total.gte('50.00')).toBe(true);
          expect(event.data.lines.every((line) => line.amount.split('.')[1]!.length === 2)).toBe(
            true,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
