import { AmountField, CurrencyField, IdField, InstantField } from '../validation/fields';

/** Body of `POST /v1/opportunities`. */
export class OpenOpportunityRequest {
  @IdField('opp_2026_044')
  opportunityId!: string;

  @IdField('acc_globex')
  accountId!: string;

  @AmountField('24000.00', { positive: true, currencyField: 'currency' })
  amount!: string;

  @CurrencyField('USD')
  currency!: string;

  @InstantField('2026-02-10T09:00:00Z')
  openedAt!: string;
}
