import { InstantField } from '../validation/fields';

/** Body of `POST /v1/opportunities/{id}/lost`. */
export class LoseOpportunityRequest {
  @InstantField('2026-03-01T12:00:00Z')
  occurredAt!: string;
}
