// Blueprint + hardware -> the device's metrics with filled kwargs, in processing order (spec §2.2-2.5).
import { BlueprintError, HardwareError } from '../errors.js';
import { metricFunction } from '../functions/index.js';
import type { Kwargs } from '../functions/types.js';
import { type Blueprint, type BlueprintMetric, DEFAULT_MODULE } from './blueprint.js';
import type { Hardware } from './hardware.js';
import { deepMerge } from './merge.js';
import { processingOrder } from './order.js';
import { slotMerges } from './slots.js';

/** A blueprint metric with the hardware kwargs merged in. */
export type ResolvedMetric = BlueprintMetric;

/**
 * Resolve every metric of `blueprint` for `hardware`: all versions applied in file order (quirk Q5), kwargs
 * merged recursively, then ordered. Throws HardwareError (bad slot/serial, slot for a metric the blueprint
 * lacks) or BlueprintError (unknown function/module, positional args, cycle, unknown dependency).
 */
export function resolveMetrics(
  blueprint: Blueprint,
  hardware: Hardware,
  label = 'hardware',
): ResolvedMetric[] {
  for (const metric of blueprint.metrics) checkRunnable(metric);
  const kwargsByName = new Map<string, Kwargs>(blueprint.metrics.map((m) => [m.name, m.kwargs]));
  for (const version of hardware.versions) {
    for (const [slot, serial] of Object.entries(version.ids)) {
      for (const merge of slotMerges(slot, serial, label)) {
        const current = kwargsByName.get(merge.metric);
        if (current === undefined) {
          throw new HardwareError(
            `${label}: slot ${slot} (serial '${serial}') fills metric ${merge.metric}, which the blueprint lacks`,
          );
        }
        kwargsByName.set(merge.metric, deepMerge(current, merge.kwargs));
      }
    }
  }
  const byName = new Map(blueprint.metrics.map((m) => [m.name, { ...m, kwargs: kwargsByName.get(m.name)! }]));
  return processingOrder(blueprint.metrics).map((name) => byName.get(name)!);
}

function checkRunnable(metric: BlueprintMetric): void {
  if (metric.module !== DEFAULT_MODULE) {
    throw new BlueprintError(
      `metric ${metric.name}: module '${metric.module}' is not supported (only ${DEFAULT_MODULE})`,
    );
  }
  if (!metricFunction(metric.function)) {
    throw new BlueprintError(`metric ${metric.name}: unknown function '${metric.function}'`);
  }
  if (metric.args.length > 0)
    throw new BlueprintError(`metric ${metric.name}: positional args are not supported`);
}
