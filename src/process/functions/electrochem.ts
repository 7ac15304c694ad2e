// Steps shared by alphasense_803_04 and alphasense_als (spec §3.5 steps 1-3, 6, 8): input checks,
// electrode cleaning, electronic zero, optional rolling mean and gap masking, NO2 cross-sensitivity.

import { offsetSeconds, rollingTimeMean } from '../numeric/rolling-time.js';
import { MetricCrash, MetricKeyError } from '../status.js';
import type { Table } from '../table.js';
import { familyOf } from './alphasense-tables.js';
import { field, lookupCalibration } from './calibration.js';
import { clipToNaN } from './clean-ts.js';
import { has, optional, truthy } from './kwargs.js';
import type { Kwargs, MetricContext, MetricResult } from './types.js';

export interface Electrodes {
  readonly id: string;
  readonly family: string;
  readonly cal: ReadonlyMap<string, number>;
  readonly weClean: Float64Array;
  readonly aeClean: Float64Array;
  /** WE/AE minus electronic zero (V), after the optional rolling mean and gap masking. */
  readonly weT: Float64Array;
  readonly aeT: Float64Array;
  /** The column named by kwarg `t`. */
  readonly temperature: Float64Array;
  /** Rows masked by the gap detection (undefined when it did not run). */
  readonly gapMask: Uint8Array | undefined;
}

/** Checks and steps 1-3; returns a status-only result where the original returns one. */
export function prepareElectrodes(
  fn: string,
  table: Table,
  kwargs: Kwargs,
  ctx: MetricContext,
): Electrodes | MetricResult {
  if (!['we', 'ae', 'alphasense_id', 't'].every((key) => has(kwargs, key)))
    return { status: 'ERROR_MISSING_INPUTS' };
  const cal = lookupCalibration(ctx.calibrations, kwargs.alphasense_id);
  if (cal.kind === 'empty') return { status: 'WARNING_EMPTY_ID' };
  if (cal.kind === 'not_found') return { status: 'ERROR_CALIBRATION_NOT_FOUND' };
  const id = kwargs.alphasense_id as string;
  const family = familyOf(id);
  if (family === undefined)
    throw new MetricKeyError(`${fn}: sensor ${id} has an unknown Alphasense code '${id.slice(0, 3)}'`);
  if (cal.kind === 'wrong') return { status: 'ERROR_WRONG_CALIBRATION' };
  const we = typeof kwargs.we === 'string' ? table.columns.get(kwargs.we) : undefined;
  const ae = typeof kwargs.ae === 'string' ? table.columns.get(kwargs.ae) : undefined;
  if (!we || !ae) return { status: 'ERROR_UNDEFINED' };
  const weClean = clipToNaN(we, 0, 5);
  const aeClean = clipToNaN(ae, 0, 5);
  let weT = subtract(weClean, field(cal.fields, 'we_electronic_zero_mv', id) / 1000);
  let aeT = subtract(aeClean, field(cal.fields, 'ae_electronic_zero_mv', id) / 1000);
  const temperature = typeof kwargs.t === 'string' ? table.columns.get(kwargs.t) : undefined;
  if (!temperature)
    throw new MetricKeyError(`${fn}: temperature column '${String(kwargs.t)}' (kwarg t) is missing`);
  const rolling = optional(kwargs, 'rolling_frequency');
  if (rolling !== undefined) {
    const seconds = offsetSeconds(rolling, fn);
    weT = rollingTimeMean(table.index, weT, seconds);
    aeT = rollingTimeMean(table.index, aeT, seconds);
  }
  const gapMask = maskGaps(table.index, kwargs);
  if (gapMask) {
    for (let i = 0; i < gapMask.length; i++) {
      if (gapMask[i] === 0) continue;
      weT[i] = Number.NaN;
      aeT[i] = Number.NaN;
    }
  }
  return { id, family, cal: cal.fields, weClean, aeClean, weT, aeT, temperature, gapMask };
}

/** True when `prepareElectrodes` stopped with a status. */
export function isStatusResult(value: Electrodes | MetricResult): value is MetricResult {
  return 'status' in value;
}

function subtract(values: Float64Array, offset: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! - offset;
  return out;
}

/**
 * Gap masking (`n_gaps` minutes, `gap_window_removal_h` hours, default 6): the first row and every row more
 * than n_gaps minutes after the previous one start a gap; rows up to gap_window_removal_h hours after a gap
 * start (inclusive) are masked. Undefined when not requested.
 */
function maskGaps(index: Float64Array, kwargs: Kwargs): Uint8Array | undefined {
  const nGaps = has(kwargs, 'n_gaps') ? kwargs.n_gaps : undefined;
  const hours = has(kwargs, 'gap_window_removal_h') ? kwargs.gap_window_removal_h : 6;
  if (!truthy(nGaps) || hours === null || hours === undefined) return undefined;
  if (typeof nGaps !== 'number' || typeof hours !== 'number') {
    throw new MetricCrash('kwargs n_gaps and gap_window_removal_h must be numbers');
  }
  const mask = new Uint8Array(index.length);
  let until = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < index.length; i++) {
    const t = index[i]!;
    if (i === 0 || t - index[i - 1]! > nGaps * 60) until = Math.max(until, t + hours * 3600);
    if (t <= until) mask[i] = 1;
  }
  return mask;
}

/** Step 6: subtract the NO2 cross-sensitivity in place when the calibration has one (non-NO2 families). */
export function subtractNo2CrossSensitivity(
  fn: string,
  table: Table,
  kwargs: Kwargs,
  e: Electrodes,
  weC: Float64Array,
): void {
  const crossSensitivity = field(e.cal, 'we_cross_sensitivity_no2_mv_ppb', e.id);
  if (crossSensitivity === 0 || e.family.includes('NO2')) return;
  const name = has(kwargs, 'no2_channel') ? kwargs.no2_channel : 'NO2';
  const no2 = typeof name === 'string' ? table.columns.get(name) : undefined;
  if (!no2)
    throw new MetricKeyError(`${fn}: NO2 column '${String(name)}' for the cross-sensitivity is missing`);
  for (let i = 0; i < weC.length; i++) weC[i] = weC[i]! - (no2[i]! * crossSensitivity) / 1000;
}

/** Minimum of the non-NaN values (NaN when there are none), as pandas `Series.min()`. */
export function nanMin(values: Float64Array): number {
  let min = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min || Number.isNaN(min)) min = v;
  }
  return min;
}
