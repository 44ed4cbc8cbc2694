import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { pipelineMetricsProjection } from '@ledger/projections/pipeline-metrics/pipeline-metrics.projection';
import {
  readPipelineMetrics,
  type PipelineMetrics,
} from '@ledger/projections/pipeline-metrics/pipeline-metrics.query';
import { perCurrencySchema, QueryEndpoint } from '../read-side-accounts/query-endpoint';
import { AccountReadModels } from '../read-side-accounts/read-models';
import { PipelineMetricsQuery } from './metrics.request.dto';

const rate = (description: string) => ({
  type: 'number',
  nullable: true,
  description: `${description} Rounded to 4 decimals; null when there is nothing to divide by.`,
});

/** The definitions below are those of `PipelineMetrics` (projections/pipeline-metrics), from the programme design's "Metrics to Track". */
const DESCRIPTION = [
  'Programme metrics over the business-time window `from` ≤ t < `to` (either end may be open). Amounts are per currency, as decimal strings; there is no FX conversion.',
  '',
  '- Revenue is net: payments dated in the window less refunds dated in the window. Each payment (and each refund, through its payment) counts with the attribution in force at the payment: the last attribution decision the ledger recorded for the account among those dated at or before the payment.',
  '- `partnerSourcedRevenue`: revenue whose attribution names a sourced partner ("partner was first touch").',
  '- `partnerInfluencedRevenue`: revenue whose attribution names no sourced partner but at least one influenced partner ("contributed but was not first touch").',
  '- `totalRevenue`: all revenue, the base the shares compare against.',
  '- `sourcedPipeline`: open pipeline at the end of the window: amounts of opportunities opened before `to` and not won or lost before `to`, on accounts whose attribution just before `to` names a sourced partner.',
  '- `attachRate`: of opportunities won in the window, the share with partner involvement at the win: a partner touchpoint of any kind or an accepted deal registration on the account dated at or before the win, or a partner credited by the attribution in force at the win.',
  '- `sourcedWinRate`: won ÷ (won + lost) over opportunities closed in the window whose attribution at the close names a sourced partner.',
  '- `directWinRate`: won ÷ (won + lost) over opportunities closed in the window with no partner involvement at the close.',
  '- `averageRevenuePerActivePartner`: per currency, partner-sourced revenue ÷ active partners, those credited as sourced on at least one payment in that currency in the window; rounded half-even to the minor unit.',
  '- `topDecileRevenueShare`: per currency, the share of partner-sourced revenue earned by the top ⌈10%⌉ of active partners ranked by their partner-sourced revenue (ties by partner id).',
].join('\n');

@ApiTags('metrics')
@Controller()
export class PipelineMetricsController {
  constructor(private readonly readModels: AccountReadModels) {}

  @QueryEndpoint({
    path: '/v1/metrics/pipeline',
    summary:
      'Partner-sourced and influenced revenue, sourced pipeline, attach rate, win rates and revenue concentration',
    description: DESCRIPTION,
    access: ['manager', 'finance'],
    answer: {
      type: 'object',
      properties: {
        from: { type: 'string', nullable: true },
        to: { type: 'string', nullable: true },
        totalRevenue: perCurrencySchema('net revenue of every payment in the window'),
        partnerSourcedRevenue: perCurrencySchema('net revenue attributed to a sourced partner'),
        partnerInfluencedRevenue: perCurrencySchema(
          'net revenue attributed to influencing partners only',
        ),
        sourcedPipeline: perCurrencySchema(
          'open opportunity amounts on partner-sourced accounts at the end of the window',
        ),
        attachRate: rate('Won opportunities with partner involvement ÷ won opportunities.'),
        sourcedWinRate: rate('Won ÷ closed, partner-sourced opportunities.'),
        directWinRate: rate('Won ÷ closed, opportunities without partner involvement.'),
        averageRevenuePerActivePartner: perCurrencySchema(
          'partner-sourced revenue ÷ partners that sourced a payment',
        ),
        topDecileRevenueShare: {
          type: 'object',
          additionalProperties: { type: 'number' },
          description: 'per currency, 4 decimals',
        },
      },
    },
  })
  async pipeline(@Query() query: PipelineMetricsQuery): Promise<PipelineMetrics> {
    const { db, schema } = await this.readModels.fresh([pipelineMetricsProjection.name]);
    return readPipelineMetrics(db, schema, { from: query.from, to: query.to });
  }
}
