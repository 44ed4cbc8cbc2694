import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf } from 'class-validator';
import { parsePositionToken } from '@ledger/projections/runner/checkpoint';

/**
 * Query-string fields of the read side. Query values arrive as strings; each decorator carries its
 * validation and its OpenAPI description, and an absent parameter is always allowed.
 */

function optional(
  name: string,
  api: Parameters<typeof ApiPropertyOptional>[0],
  check: (value: unknown) => string | null,
) {
  return applyDecorators(
    ApiPropertyOptional(api),
    ValidateIf((_object, value) => value !== undefined),
    ValidateBy({
      name,
      validator: {
        validate: (value) => check(value) === null,
        defaultMessage: (args) => check(args!.value) ?? 'is invalid',
      },
    }),
  );
}

/** A page size, `1…max`, written as a decimal integer. */
export function LimitField(max: number, defaultValue: number) {
  return applyDecorators(
    Transform(({ value }) =>
      typeof value === 'string' && /^[0-9]{1,7}$/.test(value) ? Number(value) : value,
    ),
    optional(
      'limit',
      {
        type: Number,
        minimum: 1,
        maximum: max,
        default: defaultValue,
        description: `1–${max}, default ${defaultValue}`,
      },
      (v) =>
        Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max
          ? null
          : `must be an integer from 1 to ${max}`,
    ),
  );
}

/** An opaque resume token handed out as `next`: `<transactionId>:<globalPosition>`. */
export function ResumeTokenField(description: string) {
  return optional('resumeToken', { type: String, example: '1042:98765', description }, (v) =>
    typeof v === 'string' && parsePositionToken(v) !== null
      ? null
      : 'must be a token returned as `next` by an earlier page',
  );
}
