// Which metric errors fail the run (quirk Q1, part 2): only those a posted metric needs.
import type { ResolvedMetric } from './resolve/metrics.js';
import { isErrorStatus, type StatusCode } from './status.js';

const ELECTROCHEMICAL = new Set(['alphasense_803_04', 'alphasense_als']);

/** Metrics `metric` reads: depends_on, kwargs naming another metric, and the implicit NO2 column. */
export function metricInputs(metric: ResolvedMetric, metricNames: ReadonlySet<string>): string[] {
  const inputs = new Set<string>(metric.dependsOn);
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value !== metric.name && metricNames.has(value)) inputs.add(value);
  };
  for (const value of Object.values(metric.kwargs)) {
    if (Array.isArray(value)) value.forEach(add);
    else add(value);
  }
  if (ELECTROCHEMICAL.has(metric.function) && !Object.hasOwn(metric.kwargs, 'no2_channel')) add('NO2');
  return [...inputs];
}

/**
 * The metrics whose error fails the run: errors of posted metrics (id not null) and of metrics a posted
 * metric needs, transitively. Other errors are warnings for the caller. Processing order is kept.
 */
export function failingMetrics(
  statuses: readonly { readonly metric: string; readonly status: StatusCode }[],
  metrics: readonly ResolvedMetric[],
): string[] {
  const names = new Set(metrics.map((m) => m.name));
  const byName = new Map(metrics.map((m) => [m.name, m]));
  const needed = new Set<string>();
  const stack = metrics.filter((m) => m.id !== null).map((m) => m.name);
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (needed.has(name)) continue;
    needed.add(name);
    const metric = byName.get(name);
    if (metric) stack.push(...metricInputs(metric, names));
  }
  return statuses.filter((s) => isErrorStatus(s.status) && needed.has(s.metric)).map((s) => s.metric);
}
