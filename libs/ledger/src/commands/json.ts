import type { JsonObject, JsonValue } from '@ledger/event-store/port';

/**
 * The value as it will be stored: `undefined` fields dropped, exactly as a JSON round trip through
 * the database would. Hashing and storing this form keeps a command's hash and its events' hashes
 * equal to what a later reader recomputes.
 */
export function toJson(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

export function toJsonObject(value: object | undefined): JsonObject {
  return value === undefined ? {} : (toJson(value) as JsonObject);
}
