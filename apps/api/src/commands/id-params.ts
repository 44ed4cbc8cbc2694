import { IdField } from '../validation/fields';

/** The `:id` of `/v1/partners/{id}/…`, `/v1/opportunities/{id}/…` and the like. */
export class IdParams {
  @IdField('p_acme')
  id!: string;
}
