// The bridge between run-device and the scdata port (src/process): documents → a DevicePlan once per run,
// then one loaded window → processed, posted columns.
import type { DeviceDoc, DeviceSensor } from '../api/types.js';
import { AppError } from '../errors.js';
import {
  buildTable,
  type Calibrations,
  type ColumnarSeries,
  channelsToLoad,
  convertUnits,
  failingMetrics,
  type Hardware,
  MetricCrash,
  type Names,
  type PostedSeries,
  parseBlueprint,
  parseCalibrations,
  parseHardware,
  parseJsonText,
  parseNames,
  postedSeries,
  processTable,
  type ResolvedMetric,
  renameTable,
  resolveMetrics,
} from '../process/index.js';
import type { LoadedWindow } from './load-window.js';

export interface DevicePlan {
  metrics: readonly ResolvedMetric[];
  /** API sensors to request, in request order. */
  sensors: readonly DeviceSensor[];
  calibrations: Calibrations;
  names: Names;
  hardwareUrl: string;
  blueprintUrl: string;
}

/** Parse and validate a hardware document (DocumentError naming `label` if bad). */
export function readHardware(hardwareText: string, label: string): Hardware {
  return parseHardware(parseJsonText(hardwareText, label), label);
}

/** Resolve everything a run needs from the device and its documents (typed errors on bad documents). */
export function planDevice(input: {
  device: DeviceDoc;
  hardwareUrl: string;
  hardware: Hardware;
  blueprintUrl: string;
  blueprint: string;
  calibrations: string;
  names: string;
}): DevicePlan {
  const blueprint = parseBlueprint(parseJsonText(input.blueprint, input.blueprintUrl), input.blueprintUrl);
  const calibrations = parseCalibrations(parseJsonText(input.calibrations, 'calibrations.json'));
  const names = parseNames(parseJsonText(input.names, 'names/SCDevice.json'));
  const metrics = resolveMetrics(blueprint, input.hardware, input.hardwareUrl);
  const { sensors } = channelsToLoad(metrics, input.device.sensors, names);
  return {
    metrics,
    sensors,
    calibrations,
    names,
    hardwareUrl: input.hardwareUrl,
    blueprintUrl: input.blueprintUrl,
  };
}

export type ProcessedWindow =
  | { kind: 'empty' }
  | { kind: 'failed'; message: string }
  | {
      kind: 'ok';
      index: Float64Array;
      posted: PostedSeries[];
      warnings: string[];
    };

/** Join, rename and process one loaded window. */
export function processWindow(plan: DevicePlan, loaded: LoadedWindow): ProcessedWindow {
  const series = new Map<string, ColumnarSeries>();
  for (const s of loaded.series) {
    if (loaded.cutAfter === Number.POSITIVE_INFINITY) {
      series.set(s.sensor.name, s);
      continue;
    }
    const keep = s.times.map((t) => t <= loaded.cutAfter);
    series.set(s.sensor.name, {
      times: s.times.filter((_, i) => keep[i]),
      values: s.values.filter((_, i) => keep[i]),
    });
  }
  try {
    const raw = buildTable(series);
    if (raw.index.length === 0) return { kind: 'empty' };
    const table = convertUnits(renameTable(raw, plan.sensors, plan.names), plan.sensors, plan.names);
    // A crash of a metric nothing posted needs (e.g. < 3 CO2 samples for the baseline) must not fail the run (Q1).
    const result = processTable(table, plan.metrics, plan.calibrations, { recordCrashes: true });
    const failing = new Set(failingMetrics(result.statuses, plan.metrics));
    const describe = (s: (typeof result.statuses)[number]) =>
      `${s.metric}: ${s.status}${s.message ? ` (${s.message})` : ''}`;
    if (failing.size > 0) {
      const detail = result.statuses.filter((s) => failing.has(s.metric)).map(describe);
      return { kind: 'failed', message: `processing failed: ${detail.join('; ')}` };
    }
    const warnings = result.statuses
      .filter((s) => s.status.startsWith('ERROR'))
      .map((s) => `${describe(s)}: not posted and no posted metric needs it`);
    return { kind: 'ok', index: table.index, posted: postedSeries(result.table, plan.metrics), warnings };
  } catch (error) {
    // MetricCrash: where the original crashed (fewer than 3 baseline samples, ...); unit and column
    // problems of this window's data. Both end the run as PROCESSING_FAILED with the cause.
    if (error instanceof MetricCrash || error instanceof AppError)
      return { kind: 'failed', message: error.message };
    throw error;
  }
}
