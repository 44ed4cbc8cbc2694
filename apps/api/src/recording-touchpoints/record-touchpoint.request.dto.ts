import { TOUCHPOINT_KINDS, type TouchpointKind } from '@ledger/domain';
import { EnumField, IdField, InstantField, TextField } from '../validation/fields';

/** Body of `POST /v1/touchpoints`. */
export class RecordTouchpointRequest {
  @IdField('tp_8f3a2c')
  touchpointId!: string;

  @IdField('p_acme')
  partnerId!: string;

  @IdField('acc_globex')
  accountId!: string;

  @EnumField(TOUCHPOINT_KINDS, 'referral_click')
  kind!: TouchpointKind;

  @InstantField('2026-02-03T14:12:00Z')
  occurredAt!: string;

  @TextField('link-tracker', { optional: true })
  source?: string;
}
