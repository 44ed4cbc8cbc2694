import type { Projection } from '../projection';
import { PIPELINE_EVENT_TYPES, evolvePipeline } from './pipeline-metrics.evolve';
import { PIPELINE_TABLES, pipelineDdl } from './pipeline-metrics.schema';

/** Fact rows behind `GET /v1/metrics/pipeline` (definitions in pipeline-metrics.query.ts). */
export const pipelineMetricsProjection: Projection = {
  name: 'pipeline_metrics',
  version: 1,
  tables: Object.values(PIPELINE_TABLES),
  ddl: pipelineDdl,
  eventKeyedTables: [PIPELINE_TABLES.attributions],
  eventTypes: PIPELINE_EVENT_TYPES,
  evolve: evolvePipeline,
};
