import { IdField, InstantField, TextField } from '../validation/fields';

/** Body of `POST /v1/partners/{id}/pricing-violations`. */
export class RecordPricingViolationRequest {
  @IdField('map_2026_031')
  violationId!: string;

  @InstantField('2026-03-14T11:00:00Z')
  occurredAt!: string;

  @TextField('Advertised the Pro plan at 40% below list price')
  detail!: string;
}
