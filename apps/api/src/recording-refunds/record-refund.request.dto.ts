import { AmountField, IdField, InstantField } from '../validation/fields';

/** Body of `POST /v1/refunds`. */
export class RecordRefundRequest {
  @IdField('ref_2026_0003')
  refundId!: string;

  @IdField('pay_2026_0001')
  paymentId!: string;

  @AmountField('300.00', { positive: true })
  amount!: string;

  @InstantField('2026-03-09T08:30:00Z')
  occurredAt!: string;
}
