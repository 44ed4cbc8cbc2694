import { InstantField, TextField } from '../validation/fields';

/** Body of `POST /v1/payouts/{id}/paid` and `/failed`. */
export class ClosePayoutRequest {
  /** When the money arrived, or when the transfer failed, as finance reports it. */
  @InstantField('2026-04-03T09:00:00Z')
  occurredAt!: string;

  /** The bank or payment provider's reference, for reconciliation. */
  @TextField('wire-2026-04-0017', { optional: true })
  reference?: string;
}
