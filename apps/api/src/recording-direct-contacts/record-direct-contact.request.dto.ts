import { IdField, InstantField } from '../validation/fields';

/** Body of `POST /v1/direct-contacts`. */
export class RecordDirectContactRequest {
  @IdField('dc_2026_0192')
  contactId!: string;

  @IdField('acc_globex')
  accountId!: string;

  @InstantField('2026-02-04T10:00:00Z')
  occurredAt!: string;
}
