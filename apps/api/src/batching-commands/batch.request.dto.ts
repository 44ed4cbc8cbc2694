import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateBy, ValidateNested } from 'class-validator';
import { isPlainObject } from '../validation/fields';

/** The most commands one batch may carry (SPEC §5). */
export const MAX_BATCH_COMMANDS = 1000;

/** One command of a batch: the path it would be POSTed to, and its body. */
export class BatchItemRequest {
  @ApiProperty({
    example: '/v1/payments',
    description: 'the command endpoint, as it would be POSTed to',
  })
  @ValidateBy({
    name: 'commandPath',
    validator: {
      validate: (v) => typeof v === 'string' && /^\/v1\/[A-Za-z0-9._:/-]{1,400}$/.test(v),
      defaultMessage: () => 'must be a command path such as "/v1/payments"',
    },
  })
  path!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      paymentId: 'pay_2026_0001',
      accountId: 'acc_globex',
      amount: '1200.00',
      currency: 'USD',
      revenueModel: 'monthly_subscription',
      occurredAt: '2026-03-01T10:00:00Z',
    },
  })
  @ValidateBy({
    name: 'commandBody',
    validator: { validate: (v) => isPlainObject(v), defaultMessage: () => 'must be a JSON object' },
  })
  body!: Record<string, unknown>;
}

/** Body of `POST /v1/batch`. */
export class BatchRequest {
  @ApiProperty({ type: [BatchItemRequest], minItems: 1, maxItems: MAX_BATCH_COMMANDS })
  @ValidateBy({
    name: 'commandList',
    validator: {
      validate: (v) => Array.isArray(v) && v.length >= 1 && v.length <= MAX_BATCH_COMMANDS,
      defaultMessage: () =>
        `must be an array of 1 to ${MAX_BATCH_COMMANDS} commands { path, body }`,
    },
  })
  @ValidateNested({ each: true })
  @Type(() => BatchItemRequest)
  commands!: BatchItemRequest[];
}
