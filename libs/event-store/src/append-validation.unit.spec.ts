import { InvalidAppendError } from './errors';
import type { NewEvent } from './port';
import { isIsoInstant, validateAppend } from './append-validation';

const event: NewEvent = {
  type: 'Recorded',
  occurredAt: '2026-03-01T10:00:00.000Z',
  data: { a: 1 },
};

function refusal(
  streamId: unknown,
  events: unknown,
  options: unknown,
): { field: string; reason: string } {
  try {
    validateAppend(streamId, events, options);
  } catch (error) {
    if (error instanceof InvalidAppendError) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('isIsoInstant', () => {
  test.each([
    '2026-03-01T10:00:00.000Z',
    '2026-03-01T10:00Z',
    '2026-03-01T10:00:00+02:00',
    '2026-03-01T10:00:00.123456789-05:30',
    '2024-02-29T00:00:00Z',
    '2000-02-29T23:59:59.999Z',
  ])('accepts %s', (value) => expect(isIsoInstant(value)).toBe(true));

  test.each([
    '2026-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:60:00Z',
    '2026-03-01T10:00:60Z',
    '2026-03-01T10:00:00',
    '2026-03-01T10:00:00z',
    '2026-03-01 10:00:00Z',
    '2026-03-01T10:00:00+24:00',
    '',
  ])('refuses %s', (value) => expect(isIsoInstant(value)).toBe(false));
});

describe('validateAppend', () => {
  test('fills in defaults and writes data and metadata as canonical JSON', () => {
    const valid = validateAppend(
      's-1',
      [{ ...event, data: { b: 1, a: [true] }, metadata: { actor: 'ops', causationId: undefined } }],
      {
        expected: 'any',
        keys: ['payment:2', 'payment:1', 'payment:2'],
      },
    );
    expect(valid.events[0]).toMatchObject({
      dataJson: '{"a":[true],"b":1}',
      metadataJson: '{"actor":"ops","schemaVersion":1}',
      schemaVersion: 1,
    });
    expect(valid.events[0]!.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(valid.keys).toEqual(['payment:1', 'payment:2']);
    expect(valid.command).toBeNull();
  });

  test.each([
    ['a stream id of 201 characters', 'x'.repeat(201), [event], { expected: 'any' }, 'streamId'],
    ['a stream id with a NUL', 'a\u0000b', [event], { expected: 'any' }, 'streamId'],
    [
      'the same event id twice',
      's',
      [
        { ...event, eventId: '0b6f1f5e-6a1d-4c39-9f7e-3d0c2a1b4e5f' },
        { ...event, eventId: '0B6F1F5E-6A1D-4C39-9F7E-3D0C2A1B4E5F' },
      ],
      { expected: 'any' },
      'events[1].eventId',
    ],
    [
      'metadata setting the hash',
      's',
      [{ ...event, metadata: { hash: 'x' } }],
      { expected: 'any' },
      'events[0].metadata.hash',
    ],
    [
      'a non-string actor',
      's',
      [{ ...event, metadata: { actor: 7 } }],
      { expected: 'any' },
      'events[0].metadata.actor',
    ],
    [
      'a command without an input hash',
      's',
      [event],
      { expected: 'any', command: { commandId: 'c', result: {} } },
      'command.inputHash',
    ],
    [
      'a command result that is not JSON',
      's',
      [event],
      { expected: 'any', command: { commandId: 'c', inputHash: 'h', result: { n: NaN } } },
      'command.result',
    ],
    ['an empty key', 's', [event], { expected: 'any', keys: [''] }, 'keys[0]'],
    ['no options at all', 's', [event], undefined, 'options'],
  ])('refuses %s', (_name, streamId, events, options, field) => {
    expect(refusal(streamId, events, options).field).toBe(field);
  });
});
