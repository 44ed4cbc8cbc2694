import { IdField, QuarterField } from '../validation/fields';

/** Body of `POST /v1/protected-accounts/reviews`. */
export class ReviewProtectedAccountsRequest {
  @IdField('review_2026_q3')
  reviewId!: string;

  @QuarterField('2026-Q3')
  quarter!: string;
}
