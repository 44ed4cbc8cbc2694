import { IdField, InstantField, TextField } from '../validation/fields';

/** Body of `POST /v1/partners/{id}/commission-releases`. */
export class ReleaseCommissionsRequest {
  @IdField('release_2026_04_p_acme')
  releaseId!: string;

  @InstantField('2026-04-02T10:00:00Z')
  occurredAt!: string;

  @TextField('Pricing corrected and confirmed by the partner manager')
  reason!: string;
}
