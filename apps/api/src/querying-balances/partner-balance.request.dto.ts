import { ApiProperty } from '@nestjs/swagger';
import { PositionTokenField } from '../read-side/query-fields';
import { InstantField } from '../validation/fields';

export class PartnerBalanceQuery {
  @InstantField('2026-04-01T00:00:00Z', {
    optional: true,
    description:
      'Business time: count what had happened by then (payments, refunds, churn, holds). Default: now.',
  })
  asOf?: string;

  @InstantField('2026-04-02T09:00:00Z', {
    optional: true,
    description:
      'Ledger time: count only what the ledger had recorded by then, so a statement sent in the past is reproduced exactly. Default: now.',
  })
  knownAt?: string;

  @PositionTokenField()
  waitFor?: string;
}

/** One currency of a partner's balance: decimal strings with the currency's minor unit. */
export class CurrencyBalanceDoc {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({
    example: '1200.00',
    description: 'commissions earned, gross (including commissions moved here by a dispute)',
  })
  earned!: string;
  @ApiProperty({
    example: '100.00',
    description: 'taken back by refunds, or moved to another partner by a dispute',
  })
  reversed!: string;
  @ApiProperty({ example: '50.00', description: 'taken back by churn clawbacks' })
  clawedBack!: string;
  @ApiProperty({
    example: '0.00',
    description:
      'the part of the balance frozen by a hold: all of it while a hold is in force at asOf',
  })
  held!: string;
  @ApiProperty({
    example: '800.00',
    description:
      'the part of the balance whose payout date has passed (net-30, or the first of the next month), net of its reversals, clawbacks and payments, when no hold is in force; negative when clawbacks of paid commissions exceed it',
  })
  payable!: string;
  @ApiProperty({ example: '0.00', description: 'paid out' }) paid!: string;
  @ApiProperty({
    example: '1050.00',
    description: 'earned − reversed − clawedBack − paid; negative when the partner owes',
  })
  balance!: string;
}

export class PartnerBalanceAnswer {
  @ApiProperty({ example: 'p_acme' }) partnerId!: string;
  @ApiProperty({ example: '2026-04-01T00:00:00.000Z' }) asOf!: string;
  @ApiProperty({ example: '2026-04-02T09:00:00.000Z' }) knownAt!: string;
  @ApiProperty({
    type: [CurrencyBalanceDoc],
    description:
      'one entry per currency the partner has commissions in, sorted by currency; empty when none',
  })
  balances!: CurrencyBalanceDoc[];
}
