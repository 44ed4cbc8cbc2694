import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { partnerFunnelProjection } from '@ledger/projections/partner-funnel/partner-funnel.projection';
import {
  readPartnerFunnel,
  type PartnerFunnel,
} from '@ledger/projections/partner-funnel/partner-funnel.query';
import { REFERRAL_CLICK_WINDOW_DAYS } from '@ledger/domain/program/rules';
import { QueryEndpoint } from '../read-side-accounts/query-endpoint';
import { AccountReadModels } from '../read-side-accounts/read-models';
import { FunnelQuery } from './metrics.request.dto';

/** The definitions below are those of `PartnerFunnel` (projections/partner-funnel), from the programme design's "Recruitment Funnel". */
const DESCRIPTION = [
  'The partner recruitment funnel. Every count is of enrolled partners; a later stage does not require the earlier ones. With `asOf`, only facts dated at or before it count.',
  '',
  '- A **lead** is an introduction: a `referral_click`, `coupon` or `co_sell_intro` touchpoint, or an accepted deal registration.',
  `- A **referral** is an introduction that led somewhere: the partner introduced the account and then the account signed up (a \`referral_click\` only when the signup follows within ${REFERRAL_CLICK_WINDOW_DAYS} whole days) or the partner was decided its sourced partner; dated at the earlier of the two, counted once per partner and account.`,
  '- `recruited`: enrolled partners. `onboarded`: partners with `PartnerOnboarded`. `activated`: partners with at least one lead.',
  '- `performing`: partners with at least 3 referrals dated in one calendar quarter (UTC).',
  '- `activationRate`: activated ÷ recruited ("% of signed partners who generated at least one lead"), 4 decimals.',
  '- `medianDaysToFirstReferral`: median over partners with a referral of the whole UTC days from enrolment to their first referral (mean of the two middle values for an even count).',
].join('\n');

@ApiTags('metrics')
@Controller()
export class FunnelMetricsController {
  constructor(private readonly readModels: AccountReadModels) {}

  @QueryEndpoint({
    path: '/v1/metrics/funnel',
    summary:
      'Partners recruited, onboarded, activated and performing, activation rate and time to first referral',
    description: DESCRIPTION,
    access: ['manager', 'finance'],
    answer: {
      type: 'object',
      properties: {
        asOf: { type: 'string', nullable: true },
        recruited: { type: 'integer' },
        onboarded: { type: 'integer' },
        activated: { type: 'integer' },
        performing: { type: 'integer' },
        activationRate: { type: 'number', nullable: true },
        medianDaysToFirstReferral: { type: 'number', nullable: true },
      },
    },
  })
  async funnel(@Query() query: FunnelQuery): Promise<PartnerFunnel> {
    const { db, schema } = await this.readModels.fresh([partnerFunnelProjection.name]);
    return readPartnerFunnel(db, schema, { asOf: query.asOf });
  }
}
