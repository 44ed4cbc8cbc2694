import type { ExpectedRevision } from './port';

/** Base class of every error the store throws on purpose; `code` is stable and machine-readable. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the expected revision; nothing was appended. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'store.wrong_expected_revision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, −1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at revision ${actual}, expected ${String(expected)}`);
  }
}

/** The command id was used before with a different input; nothing was appended. */
export class IdempotencyConflictError extends EventStoreError {
  readonly code = 'store.idempotency_conflict';
  constructor(readonly commandId: string) {
    super(`command ${commandId} was already used with a different input`);
  }
}

/** A lookup key is already claimed by another stream; nothing was appended. */
export class DuplicateKeyError extends EventStoreError {
  readonly code = 'store.duplicate_key';
  constructor(
    readonly key: string,
    readonly ownerStreamId: string,
  ) {
    super(`key ${key} already belongs to stream ${ownerStreamId}`);
  }
}

/** The caller handed the store something it cannot store; nothing was appended. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'store.invalid_input';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
