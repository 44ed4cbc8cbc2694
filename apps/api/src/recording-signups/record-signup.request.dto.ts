import { IdField, InstantField } from '../validation/fields';

/** Body of `POST /v1/signups`. */
export class RecordSignupRequest {
  @IdField('acc_globex')
  accountId!: string;

  @InstantField('2026-02-05T16:45:00Z')
  occurredAt!: string;
}
