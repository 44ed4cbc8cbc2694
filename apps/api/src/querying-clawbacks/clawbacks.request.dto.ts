import { ApiProperty } from '@nestjs/swagger';
import { CursorField, LimitField, PositionTokenField } from '../read-side/query-fields';
import { IdField, InstantField } from '../validation/fields';
import { isAdjustmentCursor } from './adjustment-cursor';

/** The filters both clawback routes share. */
export class PartnerClawbacksQuery {
  @InstantField('2026-04-01T00:00:00Z', {
    optional: true,
    description: 'Refunds, churns and resolutions from this business time on (inclusive).',
  })
  from?: string;

  @InstantField('2026-07-01T00:00:00Z', {
    optional: true,
    description: 'Before this business time (exclusive).',
  })
  to?: string;

  @InstantField('2026-07-02T09:00:00Z', {
    optional: true,
    description: 'Only what the ledger had recorded by then. Default: now.',
  })
  knownAt?: string;

  @LimitField(1000, 100)
  limit?: number;

  @CursorField(isAdjustmentCursor)
  after?: string;

  @PositionTokenField()
  waitFor?: string;
}

export class ClawbacksQuery extends PartnerClawbacksQuery {
  @IdField('p_acme', {
    optional: true,
    description: 'Only this partner’s. Default: every partner.',
  })
  partnerId?: string;
}

export class AdjustmentCauseDoc {
  @ApiProperty({ enum: ['refund', 'churn', 'dispute'] }) kind!: string;
  @ApiProperty({ example: 'churn_1', description: 'the refund, churn or dispute id' }) id!: string;
  @ApiProperty({
    required: false,
    example: 45,
    description: 'churn: whole days from the payment to the churn',
  })
  daysRetained?: number;
  @ApiProperty({
    required: false,
    example: 'p_other',
    description: 'dispute: the partner the commission moved to',
  })
  toPartnerId?: string;
  @ApiProperty({ required: false, example: 'pay_1:p_acme:dispute:d_1' }) newCommissionId?: string;
}

export class AdjustmentDoc {
  @ApiProperty({ enum: ['reversal', 'clawback', 'reassignment'] }) kind!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'pay_1:p_acme' }) commissionId!: string;
  @ApiProperty({ example: 'p_acme' }) partnerId!: string;
  @ApiProperty({ example: 'acc_1' }) accountId!: string;
  @ApiProperty({ example: 'pay_1' }) paymentId!: string;
  @ApiProperty({ example: '20.00', description: 'taken off the commission, rounded once' })
  amount!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: AdjustmentCauseDoc }) cause!: AdjustmentCauseDoc;
  @ApiProperty({ example: 'clawback.integration_prorated' }) rule!: string;
  @ApiProperty({ nullable: true, example: 1 }) planVersion!: number | null;
  @ApiProperty({ type: [String], description: 'the event ids the decision relied on' })
  evidence!: string[];
  @ApiProperty({ example: '2026-04-24T10:00:00.000Z' }) occurredAt!: string;
  @ApiProperty({ example: '2026-04-24T10:00:00.512Z' }) recordedAt!: string;
  @ApiProperty({ example: '1288', description: 'global position of the deciding event' })
  position!: string;
}

export class ClawbacksAnswer {
  @ApiProperty({ example: '2026-07-02T09:00:00.000Z' }) knownAt!: string;
  @ApiProperty({
    type: [AdjustmentDoc],
    description:
      'reversals (refunds), clawbacks (churn) and reassignments (disputes) in business-time order',
  })
  adjustments!: AdjustmentDoc[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'pass as `after` for the next page; null on the last page',
  })
  next!: string | null;
}
