import { InstantField } from '../validation/fields';

/** Body of `POST /v1/partners/{id}/onboarded`. */
export class MarkPartnerOnboardedRequest {
  @InstantField('2026-01-20T15:30:00Z')
  occurredAt!: string;
}
