import { ValidateBy } from 'class-validator';
import { InstantField } from '../validation/fields';

export class PipelineMetricsQuery {
  @InstantField('2026-01-01T00:00:00Z', {
    optional: true,
    description: 'start of the window (inclusive); open when absent',
  })
  from?: string;

  @InstantField('2026-04-01T00:00:00Z', {
    optional: true,
    description: 'end of the window (exclusive); open when absent',
  })
  @ValidateBy({
    name: 'afterFrom',
    validator: {
      validate: (to, args) => isAfter(to, (args!.object as PipelineMetricsQuery).from),
      defaultMessage: () => 'must be later than `from`',
    },
  })
  to?: string;
}

export class FunnelQuery {
  @InstantField('2026-03-31T23:59:59Z', {
    optional: true,
    description: 'count only facts dated at or before this instant',
  })
  asOf?: string;
}

/**
 * False only when both ends are instants and `to` is not later than `from`: an absent or malformed
 * end is reported by its own instant check, not as an empty window.
 */
function isAfter(to: unknown, from: unknown): boolean {
  const [end, start] = [Date.parse(String(to)), Date.parse(String(from))];
  if (to === undefined || from === undefined || Number.isNaN(end) || Number.isNaN(start))
    return true;
  return end > start;
}
