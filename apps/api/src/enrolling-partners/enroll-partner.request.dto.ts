import { TIERS, type Tier } from '@ledger/domain';
import { EnumField, IdField, InstantField, TextField } from '../validation/fields';

/** Body of `POST /v1/partners`. */
export class EnrollPartnerRequest {
  @IdField('p_acme')
  partnerId!: string;

  @TextField('Acme Integrations Ltd')
  name!: string;

  @EnumField(TIERS, 'integration')
  tier!: Tier;

  @InstantField('2026-01-05T09:00:00Z')
  enrolledAt!: string;
}
