import { MINIMUM_PAYOUT } from '@ledger/domain/program/rules';
import { AmountField, IdField, InstantField } from '../validation/fields';

/** Body of `POST /v1/payout-runs`. */
export class RunPayoutsRequest {
  @IdField('run_2026_04')
  runId!: string;

  /** Pay what is payable at this business time. */
  @InstantField('2026-04-01T00:00:00Z')
  asOf!: string;

  @AmountField(
    MINIMUM_PAYOUT,
    { positive: false },
    {
      optional: true,
      description: `the smallest net a partner is paid, in each currency's major unit (default ${MINIMUM_PAYOUT}); less carries forward`,
    },
  )
  minimumPayout?: string;
}
