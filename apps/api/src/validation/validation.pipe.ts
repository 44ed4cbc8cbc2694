import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ProblemException, problem, PROBLEM_TYPES, type FieldError } from '../problems/problem';
import { isPlainObject } from './fields';

/**
 * The one validation every command goes through, over HTTP and inside a batch: unknown fields are
 * refused (a typo must not silently drop a value), inputs are transformed into the DTO classes
 * (which normalises timestamps to UTC), and each invalid field yields exactly one error.
 */
export class LedgerValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      stopAtFirstError: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => invalidInput(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && !isPlainObject(value)) {
      throw invalidInput([{ field: '', message: 'the body must be a JSON object' }]);
    }
    // Custom parameters (the caller's context) are the app's own values, not input.
    const inherited = metadata.type === 'custom' ? null : inheritedNameIn(value);
    if (inherited !== null)
      throw invalidInput([{ field: inherited, message: 'is not a known field' }]);
    return super.transform(value, metadata);
  }
}

/**
 * The path of the first field named like a member every object inherits (`__proto__`,
 * `constructor`, `toString`…) or `prototype`, or null. class-transformer skips the inherited names
 * without a word, and Nest's ValidationPipe deletes `__proto__`, `prototype` and `constructor`
 * before validating, so the whitelist never sees them and a body carrying one would pass as if it
 * were clean; no DTO declares such a name, so each is an unknown field.
 */
function inheritedNameIn(value: unknown): string | null {
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    for (const [key, child] of Object.entries(next.value)) {
      const path = next.path === '' ? key : `${next.path}.${key}`;
      if (key === 'prototype' || Object.prototype.hasOwnProperty.call(Object.prototype, key))
        return path;
      pending.push({ value: child, path });
    }
  }
  return null;
}

export function invalidInput(errors: FieldError[]): ProblemException {
  const count = errors.length === 1 ? '1 field is' : `${errors.length} fields are`;
  return new ProblemException(
    problem(400, PROBLEM_TYPES.validation, 'Invalid input', `${count} invalid.`, errors),
  );
}

/** One error per field, named by its full path; nested objects contribute their own fields. */
function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = Object.values(error.constraints ?? {})
      .slice(0, 1)
      .map((message) => ({ field, message: tidy(message, error.property) }));
    const nested = own.length > 0 ? [] : flatten(error.children ?? [], `${field}.`);
    return [...own, ...nested];
  });
}

/** class-validator's own messages ("property x should not exist") say the field name we already give. */
function tidy(message: string, property: string): string {
  if (message === `property ${property} should not exist`) return 'is not a known field';
  return message;
}
