import { ApiProperty } from '@nestjs/swagger';
import { PositionTokenField } from '../read-side/query-fields';
import { InstantField } from '../validation/fields';

export class PartnerCommissionsQuery {
  @InstantField('2026-03-01T00:00:00Z', {
    optional: true,
    description: 'Payments from this business time on (inclusive).',
  })
  from?: string;

  @InstantField('2026-04-01T00:00:00Z', {
    optional: true,
    description: 'Payments before this business time (exclusive).',
  })
  to?: string;

  @InstantField('2026-04-01T00:00:00Z', {
    optional: true,
    description: 'Business time the status and adjustments are taken at. Default: now.',
  })
  asOf?: string;

  @InstantField('2026-04-02T09:00:00Z', {
    optional: true,
    description: 'Only what the ledger had recorded by then. Default: now.',
  })
  knownAt?: string;

  @PositionTokenField()
  waitFor?: string;
}

export class CommissionLineDoc {
  @ApiProperty({ example: 'pay_1:p_acme' }) commissionId!: string;
  @ApiProperty({ example: 'pay_1' }) paymentId!: string;
  @ApiProperty({ example: 'acc_1' }) accountId!: string;
  @ApiProperty({
    enum: ['earned', 'reassigned'],
    description: '`reassigned`: moved to this partner by a resolved dispute',
  })
  origin!: string;
  @ApiProperty({ enum: ['sourced', 'influenced'], nullable: true }) credit!: string | null;
  @ApiProperty({
    example: '1000.00',
    nullable: true,
    description: 'the payment amount (or amount − costOfRevenue under a net plan)',
  })
  basis!: string | null;
  @ApiProperty({
    example: '0.2',
    nullable: true,
    description: 'the rate applied, influenced factor included',
  })
  rate!: string | null;
  @ApiProperty({
    example: '200.00',
    description: 'basis × rate, rounded once half-even to the minor unit',
  })
  amount!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 'commission.integration_lifetime' }) rule!: string;
  @ApiProperty({ example: 1, nullable: true }) planVersion!: number | null;
  @ApiProperty({ example: '2026-04-01T00:00:00.000Z' }) payableFrom!: string;
  @ApiProperty({ example: '2026-03-10T10:00:00.000Z', description: 'the payment’s business time' })
  occurredAt!: string;
  @ApiProperty({ example: '2026-03-10T10:00:01.234Z' }) recordedAt!: string;
  @ApiProperty({ example: '0.00' }) reversed!: string;
  @ApiProperty({ example: '0.00' }) clawedBack!: string;
  @ApiProperty({ example: '0.00' }) reassignedAway!: string;
  @ApiProperty({
    example: '200.00',
    description: 'amount − reversed − clawedBack − reassignedAway',
  })
  outstanding!: string;
  @ApiProperty({
    enum: ['reversed', 'clawed_back', 'reassigned', 'held', 'pending', 'payable'],
    description:
      'at asOf: nothing left (`reversed`, `clawed_back`, `reassigned`, by the last adjustment), frozen by a hold (`held`), payout date ahead (`pending`), or `payable`',
  })
  status!: string;
}

export class PartnerCommissionsAnswer {
  @ApiProperty({ example: 'p_acme' }) partnerId!: string;
  @ApiProperty({ example: '2026-04-01T00:00:00.000Z' }) asOf!: string;
  @ApiProperty({ example: '2026-04-02T09:00:00.000Z' }) knownAt!: string;
  @ApiProperty({ type: [CommissionLineDoc], description: 'in payment time order' })
  lines!: CommissionLineDoc[];
}
