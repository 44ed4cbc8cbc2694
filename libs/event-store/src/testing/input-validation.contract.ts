import { InvalidAppendError } from '../errors';
import { START, type AppendOptions, type NewEvent } from '../port';
import { anEvent, outcomeOf, someEvents, withStore } from './contract.helpers';
import type { StoreHarness } from './store-harness';

interface BadAppend {
  name: string;
  streamId?: string;
  events?: NewEvent[];
  options?: AppendOptions;
}

/** Data that JSON cannot carry faithfully, smuggled past the type checker as a caller at runtime would. */
function withData(data: unknown): NewEvent[] {
  return [anEvent({ data: data as NewEvent['data'] })];
}

function cyclic(): unknown {
  const node: { [key: string]: unknown } = { name: 'loop' };
  node.self = { parent: node };
  return node;
}

const BAD_APPENDS: BadAppend[] = [
  { name: 'an empty stream id', streamId: '' },
  { name: 'a stream id that is not a string', streamId: 42 as unknown as string },
  { name: 'data holding a function', events: withData({ f: () => 1 }) },
  { name: 'data holding an undefined value', events: withData({ a: 1, gone: undefined }) },
  { name: 'data holding an undefined array item', events: withData({ list: [1, undefined] }) },
  { name: 'data holding NaN', events: withData({ amount: NaN }) },
  { name: 'data holding Infinity', events: withData({ amount: Infinity }) },
  { name: 'data holding a BigInt', events: withData({ amount: 10n }) },
  { name: 'cyclic data', events: withData(cyclic()) },
  { name: 'data that is an array', events: withData([1, 2]) },
  { name: 'data that is null', events: withData(null) },
  { name: 'data holding a Date object', events: withData({ at: new Date(0) }) },
  { name: "the revision '3' as a string", options: { expected: '3' as unknown as number } },
  { name: 'the revision −2', options: { expected: -2 } },
  { name: 'the revision 1.5', options: { expected: 1.5 } },
  { name: 'an unknown expected kind', options: { expected: 'whatever' as unknown as number } },
  { name: 'an empty events array', events: [] },
  { name: 'an empty event type', events: [anEvent({ type: '' })] },
  { name: 'occurredAt that is not a date', events: [anEvent({ occurredAt: 'yesterday' })] },
  { name: 'occurredAt that is empty', events: [anEvent({ occurredAt: '' })] },
  {
    name: 'occurredAt on a day that does not exist',
    events: [anEvent({ occurredAt: '2026-02-30T10:00:00.000Z' })],
  },
  {
    name: 'occurredAt without an offset',
    events: [anEvent({ occurredAt: '2026-03-01T10:00:00' })],
  },
  {
    name: 'occurredAt as a number',
    events: [anEvent({ occurredAt: 1767225600000 as unknown as string })],
  },
  { name: 'an event id that is not a uuid', events: [anEvent({ eventId: 'not-a-uuid' })] },
  { name: 'a schema version of 0', events: [anEvent({ schemaVersion: 0 })] },
  {
    name: 'one bad event among good ones',
    events: [...someEvents(2), anEvent({ occurredAt: 'nope' })],
  },
];

export function describeInputValidation(h: StoreHarness): void {
  describe('invalid input is a typed refusal that appends nothing', () => {
    test.each(BAD_APPENDS)('$name', async (bad) => {
      await withStore(h, async (store) => {
        const streamId = bad.streamId ?? 'target';
        const { error } = await outcomeOf(
          store.append(streamId, bad.events ?? someEvents(1), bad.options ?? { expected: 'any' }),
        );
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect((error as InvalidAppendError).code).toBe('store.invalid_input');
        expect(await store.headCheckpoint()).toEqual(START);
        expect((await store.readAll()).events).toEqual([]);
      });
    });

    test('a valid append right after a refused one still starts the stream at revision 0', async () => {
      await withStore(h, async (store) => {
        await outcomeOf(
          store.append('target', withData({ amount: NaN }), { expected: 'no_stream' }),
        );
        const result = await store.append('target', someEvents(1), { expected: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(0);
      });
    });
  });
}
