// The contract every metric function implements (scdata `scdata.device.process.<function>`).
import type { Calibrations } from '../resolve/calibrations.js';
import type { StatusCode } from '../status.js';
import type { Table } from '../table.js';

/** Metric keyword arguments, as resolved from blueprint + hardware (JSON values). */
export type Kwargs = Readonly<Record<string, unknown>>;

export interface MetricContext {
  readonly calibrations: Calibrations;
}

export interface MetricResult {
  readonly status: StatusCode;
  /** Only when SUCCESS: the metric column, aligned to `table.index` (NaN = undefined at that row). */
  readonly values?: Float64Array;
  /** Intermediate columns (`803_*`, `als_*`), aligned to `table.index`, for debugging. */
  readonly debug?: Readonly<Record<string, Float64Array>>;
}

/** A metric function: pure, never mutates `table` or `kwargs`. Throws MetricKeyError / MetricCrash. */
export type MetricFunction = (table: Table, kwargs: Kwargs, ctx: MetricContext) => MetricResult;

/** A result with a status and nothing stored. */
export function statusOnly(status: StatusCode): MetricResult {
  return { status };
}
