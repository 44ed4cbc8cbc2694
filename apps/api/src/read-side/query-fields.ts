import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf } from 'class-validator';
import { parsePositionToken } from '@ledger/projections/runner/checkpoint';

/**
 * Query-string fields of the read side. Query values arrive as text, so numbers and tokens are
 * parsed here, and each invalid field yields one error naming it (400 problem+json).
 */

function optionalRule(
  name: string,
  message: string,
  valid: (value: unknown) => boolean,
): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    ValidateBy({
      name,
      validator: { validate: (value) => valid(value), defaultMessage: () => message },
    }),
  );
}

/** `waitFor=<transactionId>:<globalPosition>`: the position a write answered with (read-your-writes). */
export function PositionTokenField() {
  return applyDecorators(
    ApiProperty({
      required: false,
      type: String,
      example: '7342:1288',
      pattern: '^\\d+:\\d+$',
      description:
        'Read your own writes: the position token `<transactionId>:<globalPosition>` a command answered with. The query first waits (up to 5 s) until the read models have applied the log up to it; 503 if they have not.',
    }),
    optionalRule(
      'positionToken',
      'must be a position token "<transactionId>:<globalPosition>"',
      (v) => typeof v === 'string' && parsePositionToken(v) !== null,
    ),
  );
}

/** A page size in `[1, max]`, `default` when absent. */
export function LimitField(max: number, fallback: number) {
  return applyDecorators(
    ApiProperty({ required: false, type: Number, minimum: 1, maximum: max, default: fallback }),
    Transform(({ value }) =>
      typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : value,
    ),
    optionalRule(
      'limit',
      `must be an integer from 1 to ${max}`,
      (v) => Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= max,
    ),
  );
}

/** An opaque cursor a previous page answered with as `next`. */
export function CursorField(isValid: (value: string) => boolean) {
  return applyDecorators(
    ApiProperty({
      required: false,
      type: String,
      description: 'the `next` cursor of the previous page',
    }),
    optionalRule(
      'cursor',
      'must be the `next` cursor of a previous page',
      (v) => typeof v === 'string' && isValid(v),
    ),
  );
}
