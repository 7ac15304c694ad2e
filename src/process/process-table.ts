// Run every metric in processing order over the device table (spec §3.1).
import { BlueprintError } from './errors.js';
import { metricFunction } from './functions/index.js';
import type { Calibrations } from './resolve/calibrations.js';
import type { ResolvedMetric } from './resolve/metrics.js';
import { MetricCrash, MetricKeyError, type StatusCode } from './status.js';
import { cloneTable, type Table } from './table.js';

/** Re-exported for callers that import it from here; it lives in failing-metrics.ts. */
export { failingMetrics } from './failing-metrics.js';

export interface MetricStatus {
  readonly metric: string;
  readonly function: string;
  /** A MetricKeyError (the original's KeyError) is recorded as ERROR_UNDEFINED with its message. */
  readonly status: StatusCode;
  readonly message?: string;
  /** Set when a MetricCrash was recorded instead of thrown (option `recordCrashes`). */
  readonly crashed?: true;
}

export interface ProcessOptions {
  /**
   * Record a MetricCrash as ERROR_UNDEFINED (`crashed: true`) and carry on instead of throwing, so that
   * `failingMetrics` can decide whether it matters. Default false: the crash propagates (original behaviour).
   */
  readonly recordCrashes?: boolean;
}

export interface ProcessOutcome {
  /** The input columns plus one column per SUCCESS metric (the input table is not modified). */
  readonly table: Table;
  /** One entry per metric, in processing order. */
  readonly statuses: readonly MetricStatus[];
}

/**
 * Run `metrics` in order: SUCCESS stores the column, WARNING_* stores nothing, ERROR_* and MetricKeyError
 * are recorded and processing continues. A MetricCrash propagates (tagged with the metric name): the
 * original run would crash there (unless `options.recordCrashes`).
 */
export function processTable(
  table: Table,
  metrics: readonly ResolvedMetric[],
  calibrations: Calibrations,
  options: ProcessOptions = {},
): ProcessOutcome {
  const out = cloneTable(table);
  const ctx = { calibrations };
  const statuses: MetricStatus[] = [];
  for (const metric of metrics) {
    const fn = metricFunction(metric.function);
    if (!fn) throw new BlueprintError(`metric ${metric.name}: unknown function '${metric.function}'`);
    try {
      const result = fn(out, metric.kwargs, ctx);
      if (result.status === 'SUCCESS' && result.values) out.columns.set(metric.name, result.values);
      statuses.push({ metric: metric.name, function: metric.function, status: result.status });
    } catch (error) {
      if (error instanceof MetricKeyError) {
        statuses.push({
          metric: metric.name,
          function: metric.function,
          status: 'ERROR_UNDEFINED',
          message: error.message,
        });
        continue;
      }
      if (error instanceof MetricCrash && options.recordCrashes) {
        const { message } = error;
        statuses.push({
          metric: metric.name,
          function: metric.function,
          status: 'ERROR_UNDEFINED',
          message,
          crashed: true,
        });
        continue;
      }
      if (error instanceof MetricCrash && error.metric === undefined) {
        throw new MetricCrash(`metric ${metric.name}: ${error.message}`, metric.name, { cause: error });
      }
      throw error;
    }
  }
  return { table: out, statuses };
}
