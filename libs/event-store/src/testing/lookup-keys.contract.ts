import { DuplicateKeyError } from '../errors';
import { outcomeOf, readWholeLog, someEvents, withStore } from './contract.helpers';
import type { StoreHarness } from './store-harness';

export function describeLookupKeys(h: StoreHarness): void {
  describe('lookup keys', () => {
    test('a claimed key leads to its stream; an unclaimed one to nothing', async () => {
      await withStore(h, async (store) => {
        expect(await store.lookupKey('payment:p1')).toBeNull();
        await store.append('account-1', someEvents(1), {
          expected: 'no_stream',
          keys: ['payment:p1', 'opportunity:o1'],
        });
        expect(await store.lookupKey('payment:p1')).toBe('account-1');
        expect(await store.lookupKey('opportunity:o1')).toBe('account-1');
        expect(await store.lookupKey('payment:p2')).toBeNull();
      });
    });

    test('a key claimed by another stream is a typed conflict and appends nothing', async () => {
      await withStore(h, async (store) => {
        await store.append('account-1', someEvents(1), {
          expected: 'no_stream',
          keys: ['payment:p1'],
        });
        const { error } = await outcomeOf(
          store.append('account-2', someEvents(2, 'refused'), {
            expected: 'no_stream',
            keys: ['payment:p1'],
          }),
        );
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect((error as DuplicateKeyError).key).toBe('payment:p1');
        expect((error as DuplicateKeyError).ownerStreamId).toBe('account-1');
        expect(await store.readStream('account-2')).toEqual([]);
        expect(await store.lookupKey('payment:p1')).toBe('account-1');
        expect((await readWholeLog(store)).some((e) => e.data.label === 'refused')).toBe(false);
      });
    });

    test('a refused claim of several keys claims none of them', async () => {
      await withStore(h, async (store) => {
        await store.append('account-1', someEvents(1), {
          expected: 'no_stream',
          keys: ['payment:p1'],
        });
        const { error } = await outcomeOf(
          store.append('account-2', someEvents(1), {
            expected: 'no_stream',
            keys: ['payment:fresh', 'payment:p1'],
          }),
        );
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect(await store.lookupKey('payment:fresh')).toBeNull();
      });
    });

    test('the owning stream may name its own key again', async () => {
      await withStore(h, async (store) => {
        await store.append('account-1', someEvents(1), {
          expected: 'no_stream',
          keys: ['payment:p1'],
        });
        const again = await store.append('account-1', someEvents(1), {
          expected: 0,
          keys: ['payment:p1'],
        });
        expect(again.nextExpectedRevision).toBe(1);
        expect(await store.lookupKey('payment:p1')).toBe('account-1');
      });
    });
  });
}
