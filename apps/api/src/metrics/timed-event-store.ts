import {
  DuplicateKeyError,
  IdempotencyConflictError,
  WrongExpectedRevisionError,
} from '@ledger/event-store/errors';
import type { AppendResult, EventStore } from '@ledger/event-store/port';
import type { Histogram } from 'prom-client';

type AppendHistogram = Histogram<'store' | 'result'>;

/**
 * The store with every `append` timed into `histogram`, labelled by store and result. Everything
 * else passes through untouched.
 *
 * A Proxy rather than a wrapper class: the read side shares the SQL store's own connection and
 * finds it with `instanceof SqlEventStore` and `raw()`, which a proxy keeps (its prototype is the
 * store's) and a wrapper would hide.
 */
export function timeAppends(store: EventStore, histogram: AppendHistogram): EventStore {
  const append: EventStore['append'] = async (streamId, events, options) => {
    const stop = histogram.startTimer({ store: store.name });
    try {
      const result: AppendResult = await store.append(streamId, events, options);
      stop({ result: result.duplicate ? 'duplicate' : 'ok' });
      return result;
    } catch (error) {
      stop({ result: isConflict(error) ? 'conflict' : 'error' });
      throw error;
    }
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      const value: unknown = Reflect.get(target, property, target);
      // Methods run on the store itself, so its private fields and `this` stay its own.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function isConflict(error: unknown): boolean {
  return (
    error instanceof WrongExpectedRevisionError ||
    error instanceof IdempotencyConflictError ||
    error instanceof DuplicateKeyError
  );
}
