import { IdField, IdListField, InstantField, QuarterField } from '../validation/fields';

/** Body of `POST /v1/partners/{id}/protected-accounts`. */
export class SubmitProtectedAccountsRequest {
  @IdField('prot_2026_q3_p_acme')
  submissionId!: string;

  @QuarterField('2026-Q3')
  quarter!: string;

  @IdListField(['acc_globex', 'acc_initech'])
  accountIds!: string[];

  @InstantField('2026-07-01T09:00:00Z', { optional: true })
  submittedAt?: string;
}
