import { IdField, InstantField, TextField } from '../validation/fields';

/** Body of `POST /v1/disputes`. */
export class OpenDisputeRequest {
  @IdField('disp_2026_002')
  disputeId!: string;

  @IdField('acc_globex')
  accountId!: string;

  @IdField('p_initech')
  claimantPartnerId!: string;

  @InstantField('2026-03-20T09:00:00Z')
  openedAt!: string;

  @TextField('Our co-sell intro preceded the referral click')
  reason!: string;
}
