import { IdField, InstantField, TextField } from '../validation/fields';

/** Body of `POST /v1/disputes/{id}/resolution`. */
export class ResolveDisputeRequest {
  @IdField('p_initech')
  winnerPartnerId!: string;

  @InstantField('2026-03-25T16:00:00Z')
  resolvedAt!: string;

  @TextField('CRM notes confirm the intro meeting on 2 Feb')
  note!: string;
}
