export { pipelineMetricsProjection } from './pipeline-metrics.projection';
export { readPipelineMetrics } from './pipeline-metrics.query';
export type { MetricsWindow, PerCurrency, PipelineMetrics } from './pipeline-metrics.query';
