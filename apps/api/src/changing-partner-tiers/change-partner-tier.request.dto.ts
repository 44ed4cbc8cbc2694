import { TIERS, type Tier } from '@ledger/domain';
import { EnumField, IdField, InstantField, TextField } from '../validation/fields';

/** Body of `POST /v1/partners/{id}/tier`. */
export class ChangePartnerTierRequest {
  @IdField('tier_2026_04_p_acme')
  changeId!: string;

  @EnumField(TIERS, 'solution')
  tier!: Tier;

  @InstantField('2026-04-01T00:00:00Z')
  effectiveAt!: string;

  @TextField('Certified solution partner since Q2')
  reason!: string;
}
