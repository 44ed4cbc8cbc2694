import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ValidateBy, ValidateIf, ValidateNested, type ValidationArguments } from 'class-validator';
import { isKnownCurrency } from '@ledger/domain/money';
import { ID_PATTERN, isLedgerId, MAX_TEXT_LENGTH, QUARTER_PATTERN } from './field-formats';
import { normaliseInstant } from './instant';
import { amountProblem, rateProblem, type AmountRule } from './money-rules';

/**
 * One decorator per kind of field, carrying both its validation and its OpenAPI description, so a
 * request DTO reads as a list of fields and the docs can never disagree with what is accepted.
 * Messages do not repeat the field name: the problem's `errors[].field` carries it.
 */

interface FieldOptions {
  /** Absent is allowed; `null` never is (it would reach the domain as a value). */
  optional?: boolean;
  description?: string;
}

type Check = (value: unknown, args: ValidationArguments) => string | null;

/** A class-validator rule whose message is whatever the check says went wrong. */
function checked(name: string, check: Check): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value, args) => check(value, args!) === null,
      defaultMessage: (args) => check(args!.value, args!) ?? 'is invalid',
    },
  });
}

function field(options: FieldOptions, api: ApiPropertyOptions, ...rules: PropertyDecorator[]) {
  const presence = options.optional ? [ValidateIf((_object, value) => value !== undefined)] : [];
  const docs = {
    ...api,
    required: !options.optional,
    description: options.description ?? api.description,
  } as ApiPropertyOptions;
  return applyDecorators(ApiProperty(docs), ...presence, ...rules);
}

export function IdField(example: string, options: FieldOptions = {}) {
  return field(
    options,
    { type: String, example, pattern: ID_PATTERN.source, minLength: 1, maxLength: 128 },
    checked('ledgerId', (v) =>
      isLedgerId(v) ? null : 'must be an id of 1–128 characters from [A-Za-z0-9._:-]',
    ),
  );
}

/** Accepts any ISO-8601 offset and hands the domain UTC with milliseconds (docs/decisions.md, "Time"). */
export function InstantField(example: string, options: FieldOptions = {}) {
  return field(
    options,
    { type: String, format: 'date-time', example },
    Transform(({ value }) => normaliseInstant(value) ?? value),
    checked('instant', (v) =>
      normaliseInstant(v) !== null
        ? null
        : 'must be an ISO-8601 date-time with an offset, such as "2026-03-01T10:00:00Z"',
    ),
  );
}

export function AmountField(example: string, rule: AmountRule, options: FieldOptions = {}) {
  return field(
    options,
    {
      type: String,
      example,
      pattern: '^\\d+(\\.\\d+)?$',
      description: options.description ?? 'decimal string, never a JSON number',
    },
    checked('amount', (v, args) => amountProblem(v, rule, args.object as Record<string, unknown>)),
  );
}

export function CurrencyField(example = 'USD', options: FieldOptions = {}) {
  return field(
    options,
    { type: String, example, description: 'ISO 4217 code' },
    checked('currency', (v) =>
      typeof v === 'string' && isKnownCurrency(v)
        ? null
        : 'must be a known ISO 4217 currency code, such as "USD"',
    ),
  );
}

export function EnumField<T extends string>(
  values: readonly T[],
  example: T,
  options: FieldOptions = {},
) {
  return field(
    options,
    { enum: [...values], example },
    checked('oneOf', (v) =>
      typeof v === 'string' && (values as readonly string[]).includes(v)
        ? null
        : `must be one of: ${values.join(', ')}`,
    ),
  );
}

export function TextField(example: string, options: FieldOptions = {}) {
  return field(
    options,
    { type: String, example, maxLength: MAX_TEXT_LENGTH },
    checked('text', (v) =>
      typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_TEXT_LENGTH
        ? null
        : `must be a non-empty string of at most ${MAX_TEXT_LENGTH} characters`,
    ),
  );
}

export function QuarterField(example = '2026-Q3', options: FieldOptions = {}) {
  return field(
    options,
    { type: String, example, pattern: QUARTER_PATTERN.source },
    checked('quarter', (v) =>
      typeof v === 'string' && QUARTER_PATTERN.test(v)
        ? null
        : 'must be a quarter such as "2026-Q3"',
    ),
  );
}

export function PositiveIntegerField(example: number, options: FieldOptions = {}) {
  return field(
    options,
    { type: Number, example, minimum: 1 },
    checked('positiveInteger', (v) =>
      Number.isSafeInteger(v) && (v as number) >= 1 ? null : 'must be a positive integer',
    ),
  );
}

/** The most ids one list may hold: far above any business limit, so those stay 422 refusals. */
const MAX_ID_LIST = 1000;

export function IdListField(example: string[], options: FieldOptions = {}) {
  return field(
    options,
    { type: [String], example, maxItems: MAX_ID_LIST, uniqueItems: true },
    checked('idList', (v) => {
      if (!Array.isArray(v)) return 'must be an array of ids';
      if (v.length > MAX_ID_LIST) return `must hold at most ${MAX_ID_LIST} ids`;
      const bad = v.findIndex((id) => !isLedgerId(id));
      if (bad >= 0) return `item ${bad} must be an id of 1–128 characters from [A-Za-z0-9._:-]`;
      if (new Set(v).size !== v.length) return 'must not list an id twice';
      return null;
    }),
  );
}

export function RateField(example: string, options: FieldOptions = {}) {
  return field(
    options,
    { type: String, example, pattern: '^\\d+(\\.\\d+)?$', description: 'decimal string in [0, 1]' },
    checked('rate', (v) => rateProblem(v)),
  );
}

/** A nested object validated field by field, so errors name the full path (`rates.referral.usage`). */
export function NestedField(
  type: () => new () => object,
  options: FieldOptions & { example?: object } = {},
) {
  return field(
    options,
    { type, example: options.example },
    checked('object', (v) =>
      isPlainObject(v) || v instanceof type() ? null : 'must be an object',
    ),
    ValidateNested(),
    Type(type),
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
