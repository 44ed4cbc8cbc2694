import { InstantField } from '../validation/fields';

/** Body of `POST /v1/opportunities/{id}/won`. */
export class WinOpportunityRequest {
  @InstantField('2026-03-01T12:00:00Z')
  occurredAt!: string;
}
