import { IdField, InstantField } from '../validation/fields';

/** Body of `POST /v1/deal-registrations`. */
export class SubmitDealRegistrationRequest {
  @IdField('reg_2026_0007')
  registrationId!: string;

  @IdField('p_acme')
  partnerId!: string;

  @IdField('acc_globex')
  accountId!: string;

  @InstantField('2026-02-02T10:00:00Z')
  firstContactAt!: string;

  @InstantField('2026-02-06T10:00:00Z')
  submittedAt!: string;
}
