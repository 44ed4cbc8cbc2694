import { IdField, InstantField } from '../validation/fields';

/** Body of `POST /v1/accounts`. */
export class CreateAccountRequest {
  @IdField('acc_globex')
  accountId!: string;

  @InstantField('2026-02-01T08:00:00Z')
  createdInCrmAt!: string;
}
