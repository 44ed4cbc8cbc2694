import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from './errors';
import type { AppendOptions, CommandRecord, ExpectedRevision, JsonObject, NewEvent } from './port';
import { canonicalJsonOf, isPlainObject, stringProblem } from './json-guard';

/** An event that passed validation, with the store's defaults filled in. */
export interface ValidEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  /** The data as canonical JSON: what is hashed and what is stored. */
  dataJson: string;
  /** The caller's metadata plus `schemaVersion`, as canonical JSON; the store adds the hashes. */
  metadataJson: string;
  schemaVersion: number;
}

export interface ValidAppend {
  streamId: string;
  events: ValidEvent[];
  expected: ExpectedRevision;
  command: CommandRecord | null;
  /** Distinct and sorted, so concurrent claimers take row locks in one order and never deadlock. */
  keys: string[];
}

const MAX_STREAM_ID_LENGTH = 200;
const MAX_NAME_LENGTH = 500;
const MAX_INT4 = 2_147_483_647;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESERVED_METADATA = ['schemaVersion', 'hash', 'prevHash'];
const STRING_METADATA = ['commandId', 'causationId', 'correlationId', 'actor'];

/**
 * Checks everything an append is given before any statement runs, so a bad input never reaches
 * the database and never leaves half a transaction behind. Guards run in field order and the
 * first failure is thrown as {@link InvalidAppendError}.
 */
export function validateAppend(streamId: unknown, events: unknown, options: unknown): ValidAppend {
  const id = nameOrThrow(streamId, 'streamId', MAX_STREAM_ID_LENGTH);
  if (!Array.isArray(events) || events.length === 0)
    throw new InvalidAppendError('events', 'must be a non-empty array');
  const valid = events.map((e, i) => validateEvent(e, `events[${i}]`));
  const seen = new Set<string>();
  for (const [i, e] of valid.entries()) {
    if (seen.has(e.eventId))
      throw new InvalidAppendError(`events[${i}].eventId`, 'appears twice in one append');
    seen.add(e.eventId);
  }
  if (!isPlainObject(options))
    throw new InvalidAppendError('options', 'must be an object with `expected`');
  const opts = options as Partial<AppendOptions>;
  return {
    streamId: id,
    events: valid,
    expected: validateExpected(opts.expected),
    command: opts.command === undefined ? null : validateCommand(opts.command),
    keys: validateKeys(opts.keys),
  };
}

function validateEvent(value: unknown, path: string): ValidEvent {
  if (!isPlainObject(value)) throw new InvalidAppendError(path, 'must be an object');
  const event = value as Partial<NewEvent>;
  const eventId = event.eventId === undefined ? randomUUID() : event.eventId;
  if (event.eventId !== undefined && (typeof eventId !== 'string' || !UUID.test(eventId))) {
    throw new InvalidAppendError(`${path}.eventId`, 'must be a uuid');
  }
  const type = nameOrThrow(event.type, `${path}.type`, MAX_NAME_LENGTH);
  const occurredAt = event.occurredAt;
  if (typeof occurredAt !== 'string' || !isIsoInstant(occurredAt)) {
    throw new InvalidAppendError(
      `${path}.occurredAt`,
      'must be an ISO-8601 instant with Z or an offset',
    );
  }
  if (!isPlainObject(event.data))
    throw new InvalidAppendError(`${path}.data`, 'must be a plain JSON object');
  const data = canonicalJsonOf(event.data, `${path}.data`);
  if ('problem' in data) throw new InvalidAppendError(`${path}.data`, data.problem);
  const schemaVersion = event.schemaVersion ?? 1;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > MAX_INT4) {
    throw new InvalidAppendError(`${path}.schemaVersion`, 'must be a positive integer');
  }
  return {
    eventId: eventId.toLowerCase(),
    type,
    occurredAt,
    dataJson: data.json,
    metadataJson: validateMetadata(event.metadata, schemaVersion, `${path}.metadata`),
    schemaVersion,
  };
}

/** The caller's metadata (undefined fields dropped) plus `schemaVersion`, as canonical JSON. */
function validateMetadata(value: unknown, schemaVersion: number, path: string): string {
  if (value !== undefined && !isPlainObject(value))
    throw new InvalidAppendError(path, 'must be a plain object');
  const clean: Record<string, unknown> = {};
  for (const key in value ?? {}) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    if (RESERVED_METADATA.includes(key))
      throw new InvalidAppendError(`${path}.${key}`, 'is set by the store');
    if (STRING_METADATA.includes(key) && typeof field !== 'string') {
      throw new InvalidAppendError(`${path}.${key}`, 'must be a string');
    }
    clean[key] = field;
  }
  clean.schemaVersion = schemaVersion;
  const metadata = canonicalJsonOf(clean, path);
  if ('problem' in metadata) throw new InvalidAppendError(path, metadata.problem);
  return metadata.json;
}

function validateExpected(value: unknown): ExpectedRevision {
  if (value === 'any' || value === 'no_stream' || value === 'stream_exists') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidAppendError(
    'expected',
    "must be 'any', 'no_stream', 'stream_exists' or a revision >= 0",
  );
}

function validateCommand(value: unknown): CommandRecord {
  if (!isPlainObject(value)) throw new InvalidAppendError('command', 'must be an object');
  const command = value as Partial<CommandRecord>;
  const commandId = nameOrThrow(command.commandId, 'command.commandId', MAX_NAME_LENGTH);
  const inputHash = nameOrThrow(command.inputHash, 'command.inputHash', MAX_NAME_LENGTH);
  if (!isPlainObject(command.result))
    throw new InvalidAppendError('command.result', 'must be a plain JSON object');
  const result = canonicalJsonOf(command.result, 'command.result');
  if ('problem' in result) throw new InvalidAppendError('command.result', result.problem);
  return { commandId, inputHash, result: command.result as JsonObject };
}

function validateKeys(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InvalidAppendError('keys', 'must be an array of strings');
  const keys = value.map((k, i) => nameOrThrow(k, `keys[${i}]`, MAX_NAME_LENGTH));
  return [...new Set(keys)].sort();
}

function nameOrThrow(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new InvalidAppendError(field, 'must be a non-empty string');
  if (value.length > maxLength)
    throw new InvalidAppendError(field, `must be at most ${maxLength} characters`);
  const problem = stringProblem(value, field);
  if (problem) throw new InvalidAppendError(field, problem);
  return value;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A calendar-valid ISO-8601 instant with a zone. `Date.parse` alone is not enough: it accepts
 * `2026-02-30` (rolling over to March) and strings without a zone (read as local time).
 */
export function isIsoInstant(value: string): boolean {
  const m = ISO_INSTANT.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return false;
  return Number(m[7] ?? 0) <= 23 && Number(m[8] ?? 0) <= 59;
}
