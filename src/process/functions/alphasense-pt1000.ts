// alphasense_pt1000 (spec §3.3): PT1000 temperature on the Alphasense AFE from the positive PT1000 voltage.
import { MetricKeyError } from '../status.js';
import { field, lookupCalibration } from './calibration.js';
import { has, required } from './kwargs.js';
import type { MetricFunction } from './types.js';

const FN = 'alphasense_pt1000';

/** T = (V+ - (v20 - (t20 - 20)/1000)) * 1000 + 20, with {t20, v20} of the AFE `afe_id`. */
export const alphasensePt1000: MetricFunction = (table, kwargs, ctx) => {
  if (!has(kwargs, 'pt1000plus') || !has(kwargs, 'pt1000minus')) return { status: 'ERROR_MISSING_INPUTS' };
  const afeId = required(kwargs, 'afe_id', FN);
  const cal = lookupCalibration(ctx.calibrations, afeId);
  if (cal.kind === 'empty') return { status: 'WARNING_EMPTY_ID' };
  if (cal.kind === 'not_found') return { status: 'ERROR_CALIBRATION_NOT_FOUND' };
  if (cal.kind === 'wrong') return { status: 'ERROR_WRONG_CALIBRATION' };
  const id = afeId as string;
  const t20 = field(cal.fields, 't20', id);
  const v20 = field(cal.fields, 'v20', id);
  const plusName = kwargs.pt1000plus;
  const plus = typeof plusName === 'string' ? table.columns.get(plusName) : undefined;
  if (!plus) throw new MetricKeyError(`${FN}: column '${String(plusName)}' (pt1000plus) is missing`);
  const v20Corrected = v20 - (t20 - 20) / 1000;
  const out = new Float64Array(plus.length);
  for (let i = 0; i < plus.length; i++) out[i] = (plus[i]! - v20Corrected) * 1000 + 20;
  return { status: 'SUCCESS', values: out };
};
