// Registry: blueprint `function` name -> implementation.
import { alphasense80304 } from './alphasense-803-04.js';
import { alphasenseAls } from './alphasense-als.js';
import { alphasensePt1000 } from './alphasense-pt1000.js';
import { baselineAls } from './baseline-als.js';
import { channelNames } from './channel-names.js';
import { cleanTs } from './clean-ts.js';
import { ecSensorTemp } from './ec-sensor-temp.js';
import { polyTs } from './poly-ts.js';
import type { MetricFunction } from './types.js';

export type { Kwargs, MetricContext, MetricFunction, MetricResult } from './types.js';

/** Every metric function this port implements, by its scdata name. */
export const METRIC_FUNCTIONS: ReadonlyMap<string, MetricFunction> = new Map<string, MetricFunction>([
  ['channel_names', channelNames],
  ['alphasense_pt1000', alphasensePt1000],
  ['ec_sensor_temp', ecSensorTemp],
  ['alphasense_803_04', alphasense80304],
  ['alphasense_als', alphasenseAls],
  ['clean_ts', cleanTs],
  ['baseline_als', baselineAls],
  ['poly_ts', polyTs],
]);

/** The implementation of `name`, or undefined for a function this port does not have. */
export function metricFunction(name: string): MetricFunction | undefined {
  return METRIC_FUNCTIONS.get(name);
}
