import {
  DEFAULT_PLAN,
  type CommissionBasisKind,
  type RevenueModel,
  type Tier,
} from '@ledger/domain';
import {
  EnumField,
  IdField,
  InstantField,
  NestedField,
  PositiveIntegerField,
  RateField,
} from '../validation/fields';

/** One tier's sourced rates, one per revenue model, each a decimal string in [0, 1]. */
export class RateRowRequest implements Record<RevenueModel, string> {
  @RateField('0.20')
  monthly_subscription!: string;

  @RateField('0.20')
  annual_subscription!: string;

  @RateField('0.20')
  usage!: string;

  @RateField('0.20')
  outcome!: string;
}

/** The full tier × revenue-model table: a plan states every rate, none is inherited. */
export class RateTableRequest implements Record<Tier, RateRowRequest> {
  @NestedField(() => RateRowRequest)
  referral!: RateRowRequest;

  @NestedField(() => RateRowRequest)
  integration!: RateRowRequest;

  @NestedField(() => RateRowRequest)
  solution!: RateRowRequest;
}

/** Body of `POST /v1/plans`. */
export class PublishCommissionPlanRequest {
  @IdField('default')
  planId!: string;

  @PositiveIntegerField(2)
  version!: number;

  @InstantField('2026-07-01T00:00:00Z')
  effectiveFrom!: string;

  @NestedField(() => RateTableRequest, { example: DEFAULT_PLAN.rates })
  rates!: RateTableRequest;

  /** Influenced credit earns this fraction of the sourced rate; above 1 would out-earn sourcing. */
  @RateField('0.5', {
    description: 'fraction of the sourced rate that influenced credit earns, in [0, 1]',
  })
  influencedFactor!: string;

  @EnumField(['gross', 'net'] as const satisfies readonly CommissionBasisKind[], 'gross')
  basis!: CommissionBasisKind;
}
