// baseline_als (spec §3.8): asymmetric least squares baseline of a column's non-NaN values.
import { baselineOfColumn } from './alphasense-als.js';
import { has, numberKwarg } from './kwargs.js';
import type { MetricFunction } from './types.js';

const FN = 'baseline_als';

/** ALS baseline of column `name` (lam 1000, p 0.001, niter 10 by default); fewer than 3 samples raises. */
export const baselineAls: MetricFunction = (table, kwargs) => {
  if (!has(kwargs, 'name')) return { status: 'ERROR_MISSING_INPUTS' };
  const name = kwargs.name;
  const column = typeof name === 'string' ? table.columns.get(name) : undefined;
  if (!column) return { status: 'ERROR_MISSING_CHANNEL' };
  const lam = numberKwarg(kwargs, 'lam', 1000, FN);
  const p = numberKwarg(kwargs, 'p', 0.001, FN);
  const niter = numberKwarg(kwargs, 'niter', 10, FN);
  return { status: 'SUCCESS', values: baselineOfColumn(column, lam, p, niter) };
};
