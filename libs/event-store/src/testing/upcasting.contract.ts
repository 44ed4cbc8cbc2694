import { GENESIS_HASH, chainHash, hashedContent } from '../hashing';
import type { JsonObject, RecordedEvent, Upcaster } from '../port';
import { anEvent, readWholeLog, untilReadable, withStore } from './contract.helpers';
import type { StoreHarness } from './store-harness';

/** Version 1 of `PriceSet` carried a bare amount; version 2 carries an amount with its currency. */
const upcastPriceSet: Upcaster = (event: RecordedEvent) => {
  if (event.type !== 'PriceSet' || event.metadata.schemaVersion !== 1) return event;
  return {
    ...event,
    data: { price: { amount: event.data.amount as string, currency: 'USD' } },
    metadata: { ...event.metadata, schemaVersion: 2 },
  };
};

const V1_DATA: JsonObject = { amount: '10.00' };
const V2_DATA: JsonObject = { price: { amount: '20.00', currency: 'EUR' } };

export function describeUpcasting(h: StoreHarness): void {
  describe('upcasting', () => {
    test('a version 1 event reads as version 2 by readStream and readAll, and its stored hash still verifies', async () => {
      await withStore(
        h,
        async (store) => {
          const appended = await store.append(
            'plan-1',
            [
              anEvent({ type: 'PriceSet', data: V1_DATA, schemaVersion: 1 }),
              anEvent({ type: 'PriceSet', data: V2_DATA, schemaVersion: 2 }),
            ],
            { expected: 'no_stream' },
          );
          const expectedShapes = [
            { data: { price: { amount: '10.00', currency: 'USD' } }, schemaVersion: 2 },
            { data: V2_DATA, schemaVersion: 2 },
          ];
          await untilReadable(store, appended.checkpoint);
          const stream = await store.readStream('plan-1');
          const log = await readWholeLog(store);
          for (const events of [stream, log]) {
            expect(
              events.map((e) => ({ data: e.data, schemaVersion: e.metadata.schemaVersion })),
            ).toEqual(expectedShapes);
          }

          // The hash covers what was stored (version 1), never what a reader is shown.
          const [first] = stream;
          const stored = {
            ...first!,
            data: V1_DATA,
            metadata: { ...first!.metadata, schemaVersion: 1 },
          };
          expect(first!.metadata.hash).toBe(
            chainHash(GENESIS_HASH, hashedContent({ ...stored, metadata: { ...stored.metadata } })),
          );
          const report = await store.verifyIntegrity();
          expect(report.problems).toEqual([]);
          expect(report.ok).toBe(true);
        },
        { upcast: upcastPriceSet },
      );
    });

    test('readAll without metadata still upcasts by it, then leaves it out', async () => {
      await withStore(
        h,
        async (store) => {
          const appended = await store.append(
            'plan-1',
            [anEvent({ type: 'PriceSet', data: V1_DATA, schemaVersion: 1 })],
            { expected: 'no_stream' },
          );
          await untilReadable(store, appended.checkpoint);
          const { events } = await store.readAll({ metadata: false });
          expect(events.map((e) => ({ data: e.data, metadata: e.metadata }))).toEqual([
            { data: { price: { amount: '10.00', currency: 'USD' } }, metadata: {} },
          ]);
        },
        { upcast: upcastPriceSet },
      );
    });

    test('without an upcaster the stored shape is returned as it was written', async () => {
      await withStore(h, async (store) => {
        await store.append(
          'plan-1',
          [anEvent({ type: 'PriceSet', data: V1_DATA, schemaVersion: 1 })],
          {
            expected: 'no_stream',
          },
        );
        const [event] = await store.readStream('plan-1');
        expect(event!.data).toEqual(V1_DATA);
        expect(event!.metadata.schemaVersion).toBe(1);
      });
    });
  });
}
