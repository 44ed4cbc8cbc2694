import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/**
 * A payout id is `{runId}:{partnerId}:{currency}`: two ledger ids and a currency code, so it may be
 * longer than one id (SPEC §5 ids are at most 128 characters each).
 */
export const PAYOUT_ID_PATTERN = /^[A-Za-z0-9._:-]{1,300}$/;

/** The `:id` of `/v1/payouts/{id}/…`. */
export class PayoutIdParams {
  @ApiProperty({
    example: 'run_2026_04:p_acme:USD',
    pattern: PAYOUT_ID_PATTERN.source,
    maxLength: 300,
  })
  @Matches(PAYOUT_ID_PATTERN, { message: 'must be a payout id such as "run_2026_04:p_acme:USD"' })
  id!: string;
}
