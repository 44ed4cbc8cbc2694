import { IdField, InstantField } from '../validation/fields';

/** Body of `POST /v1/churns`. */
export class RecordChurnRequest {
  @IdField('churn_2026_0011')
  churnId!: string;

  @IdField('acc_globex')
  accountId!: string;

  @InstantField('2026-04-15T00:00:00Z')
  occurredAt!: string;
}
