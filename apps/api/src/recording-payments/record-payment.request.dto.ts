import { REVENUE_MODELS, type RevenueModel } from '@ledger/domain';
import { AmountField, CurrencyField, EnumField, IdField, InstantField } from '../validation/fields';

/** Body of `POST /v1/payments`. */
export class RecordPaymentRequest {
  @IdField('pay_2026_0001')
  paymentId!: string;

  @IdField('acc_globex')
  accountId!: string;

  @AmountField('1200.00', { positive: true, currencyField: 'currency' })
  amount!: string;

  @CurrencyField('USD')
  currency!: string;

  @EnumField(REVENUE_MODELS, 'monthly_subscription')
  revenueModel!: RevenueModel;

  @InstantField('2026-03-01T10:00:00Z')
  occurredAt!: string;

  @AmountField('150.00', { positive: false, currencyField: 'currency' }, { optional: true })
  costOfRevenue?: string;
}
