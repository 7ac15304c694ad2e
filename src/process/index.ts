// Public API of the processing port (pure: no I/O, no clock).
export { BlueprintError, DocumentError, HardwareError, UnitError } from './errors.js';
export { failingMetrics, metricInputs } from './failing-metrics.js';
export { METRIC_FUNCTIONS, metricFunction } from './functions/index.js';
export type { Kwargs, MetricContext, MetricFunction, MetricResult } from './functions/types.js';
export { nextLatestPostprocessing, type PostedSeries, postedSeries } from './posted.js';
export {
  type MetricStatus,
  type ProcessOptions,
  type ProcessOutcome,
  processTable,
} from './process-table.js';
export { renameTable } from './rename.js';
export { type Blueprint, type BlueprintMetric, parseBlueprint } from './resolve/blueprint.js';
export { type CalibrationEntry, type Calibrations, parseCalibrations } from './resolve/calibrations.js';
export { type ChannelsToLoad, channelsToLoad, originalChannels, rawInputs } from './resolve/channels.js';
export { type Hardware, type HardwareVersion, parseHardware } from './resolve/hardware.js';
export { parseJsonText } from './resolve/json.js';
export { type ResolvedMetric, resolveMetrics } from './resolve/metrics.js';
export {
  canonicalName,
  canonicalNames,
  type DeviceSensor,
  type NameEntry,
  type Names,
  parseNames,
} from './resolve/names.js';
export { processingOrder } from './resolve/order.js';
export {
  isErrorStatus,
  isWarningStatus,
  MetricCrash,
  MetricKeyError,
  STATUS_CODES,
  type StatusCode,
} from './status.js';
export {
  buildTable,
  type ColumnarSeries,
  cloneTable,
  emptyTable,
  type Reading,
  type ReadingSeries,
  type Table,
} from './table.js';
export { convertUnits, unitFactor } from './units.js';
