// Benchmark of the scdata port: processing only (no I/O) of the full sc_air.json metric set, CO2 chain
// included, for SCAS220060 hardware with the real calibrations, on synthetic minute data shaped like the
// pipeline vector. Reports the median of several runs after warm-up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { processTable } from '../src/process/process-table.js';
import { parseBlueprint } from '../src/process/resolve/blueprint.js';
import { type Calibrations, parseCalibrations } from '../src/process/resolve/calibrations.js';
import { parseHardware } from '../src/process/resolve/hardware.js';
import { type ResolvedMetric, resolveMetrics } from '../src/process/resolve/metrics.js';
import { isErrorStatus } from '../src/process/status.js';
import { buildTable, type ColumnarSeries, type Table } from '../src/process/table.js';
import { upstreamDataDir } from '../test/helpers/shared.js';
import { median } from './stats.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

const START = Date.parse('2024-05-01T00:00:00Z') / 1000;

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(upstreamDataDir, relative), 'utf8'));
}

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Per-sensor readings (canonical names) for `rows` minutes, with a few missing and null readings. */
function syntheticReadings(rows: number): Map<string, ColumnarSeries> {
  const rnd = random(rows);
  const shapes: Record<string, (minute: number) => number> = {
    ADC_48_2: () => 0.2866 + 0.0006 * rnd(),
    ADC_48_3: (m) => 0.2903 + 0.0008 * Math.sin(m / 240) + 0.0004 * rnd(),
    ADC_49_0: () => 0.398 + 0.0003 * rnd(),
    ADC_49_1: (m) => 0.421 + 0.002 * Math.sin(m / 300) + 0.001 * rnd(),
    ADC_49_2: (m) => 0.3155 + 0.003 * Math.sin((2 * Math.PI * m) / 1440) + 0.0002 * rnd(),
    TEMP: (m) => 15 + 4 * Math.sin((2 * Math.PI * m) / 1440) + 0.1 * rnd(),
    SCD30_CO2: (m) => 440 + 60 * Math.sin((2 * Math.PI * m) / 1440) + 25 * rnd() + (m % 997 === 0 ? 9999 : 0),
  };
  // Columnar, as the loader holds a sensor's readings after parsing the API's answer.
  const out = new Map<string, ColumnarSeries>();
  for (const [name, shape] of Object.entries(shapes)) {
    const times = new Float64Array(rows);
    const values = new Float64Array(rows);
    let k = 0;
    for (let m = 0; m < rows; m++) {
      const r = rnd();
      if (r < 0.005) continue; // no reading this minute
      times[k] = START + m * 60;
      values[k++] = r < 0.007 ? Number.NaN : shape(m); // NaN: a reading without a value
    }
    out.set(name, { times: times.subarray(0, k), values: values.subarray(0, k) });
  }
  return out;
}

function timeProcessing(
  table: Table,
  metrics: readonly ResolvedMetric[],
  calibrations: Calibrations,
  warmup: number,
  runs: number,
): number {
  const check = processTable(table, metrics, calibrations);
  const failed = check.statuses.filter((s) => isErrorStatus(s.status));
  if (failed.length > 0)
    throw new Error(`benchmark data fails metrics: ${failed.map((s) => s.metric).join(', ')}`);
  for (let i = 0; i < warmup; i++) processTable(table, metrics, calibrations);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    processTable(table, metrics, calibrations);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The resolved sc_air metrics of SCAS220060 and the real calibrations. */
function scAirSetup(): { metrics: ResolvedMetric[]; calibrations: Calibrations } {
  const blueprint = parseBlueprint(readJson('blueprints/sc_air.json'), 'sc_air.json');
  const hardware = parseHardware(readJson('hardware/SCAS220060.json'), 'SCAS220060');
  const calibrations = parseCalibrations(readJson('calibrations/calibrations.json'));
  return { metrics: resolveMetrics(blueprint, hardware, 'SCAS220060'), calibrations };
}

/** One device-month from readings to processed table, once (run alone in a process to measure its RSS). */
export function processMonthOnce(): number {
  const { metrics, calibrations } = scAirSetup();
  // As in a run, the readings are garbage once joined into the table.
  const table = buildTable(syntheticReadings(43200));
  return processTable(table, metrics, calibrations).table.columns.size;
}

/** Processing time per device-day and device-month, and throughput. */
export async function benchProcess(): Promise<BenchResult[]> {
  const { metrics, calibrations } = scAirSetup();

  const dayReadings = syntheticReadings(1440);
  const monthReadings = syntheticReadings(43200);
  const day = buildTable(dayReadings);
  const month = buildTable(monthReadings);

  const dayMs = timeProcessing(day, metrics, calibrations, 30, 51);
  const monthMs = timeProcessing(month, metrics, calibrations, 3, 11);

  const joinTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    buildTable(monthReadings);
    joinTimes.push(performance.now() - t0);
  }

  return [
    {
      name: 'process sc_air device-day (1,440 rows, CO2 chain included)',
      value: round(dayMs),
      unit: 'ms',
      goal: '<= 4',
    },
    {
      name: 'process sc_air device-month (43,200 rows, CO2 chain included)',
      value: round(monthMs),
      unit: 'ms',
      goal: '<= 175',
    },
    {
      name: 'process throughput (device-month)',
      value: Math.round(month.index.length / (monthMs / 1000)),
      unit: 'rows/s',
    },
    {
      name: 'join readings into a table (device-month, 7 sensors)',
      value: round(median(joinTimes)),
      unit: 'ms',
    },
  ];
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
