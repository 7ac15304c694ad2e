// alphasense_als (spec §3.6, sc_air_enhanced.json): WE baseline by ALS, AE correction by a line fit of the
// baseline against AE, then the 803-04 tail (cross-sensitivity, sensitivity, background, clip/offset).
import { alsBaseline } from '../numeric/als.js';
import { fitLine } from '../numeric/line-fit.js';
import { MetricCrash } from '../status.js';
import { clipNegative } from './alphasense-803-04.js';
import { field } from './calibration.js';
import { isStatusResult, nanMin, prepareElectrodes, subtractNo2CrossSensitivity } from './electrochem.js';
import { numberKwarg, optional, truthy } from './kwargs.js';
import type { MetricFunction } from './types.js';

const FN = 'alphasense_als';

/** Baseline of the non-NaN values of `values` at their rows (NaN elsewhere); lam/p/niter as baseline_als. */
export function baselineOfColumn(values: Float64Array, lam: number, p: number, niter: number): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) count++;
  const y = new Float64Array(count);
  for (let i = 0, k = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) y[k++] = values[i]!;
  const z = alsBaseline(y, lam, p, niter);
  const out = new Float64Array(values.length);
  for (let i = 0, k = 0; i < values.length; i++) out[i] = Number.isNaN(values[i]!) ? Number.NaN : z[k++]!;
  return out;
}

/** WE/AE voltages + calibration -> concentration (ppb); debug columns `als_*`. Quirk Q4: reads lam/p only. */
export const alphasenseAls: MetricFunction = (table, kwargs, ctx) => {
  const e = prepareElectrodes(FN, table, kwargs, ctx);
  if (isStatusResult(e)) return e;
  const lam = numberKwarg(kwargs, 'lam', 1000, FN);
  const p = numberKwarg(kwargs, 'p', 0.001, FN);
  const { weT, aeT } = e;
  const n = weT.length;
  const weBaseline = baselineOfColumn(weT, lam, p, 10);
  const { slope, intercept } = fitLine(aeT, weBaseline, FN);
  const aeCor = new Float64Array(n);
  const weC = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    aeCor[i] = slope * aeT[i]! + intercept;
    weC[i] = e.gapMask?.[i] ? Number.NaN : weT[i]! - aeCor[i]!;
  }
  subtractNo2CrossSensitivity(FN, table, kwargs, e, weC);
  const sensitivity = field(e.cal, 'we_sensitivity_mv_ppb', e.id) / 1000;
  const conc = new Float64Array(n);
  for (let i = 0; i < n; i++) conc[i] = weC[i]! / sensitivity;
  const background = optional(kwargs, 'background_conc');
  if (truthy(background)) {
    if (typeof background !== 'number')
      throw new MetricCrash(`${FN}: kwarg 'background_conc' must be a number`);
    for (let i = 0; i < n; i++) conc[i] = conc[i]! + background;
  }
  if (truthy(optional(kwargs, 'clip_negative_conc'))) {
    clipNegative(conc);
  } else if (truthy(optional(kwargs, 'offset_negative_conc'))) {
    const min = nanMin(conc);
    if (min < 0) for (let i = 0; i < n; i++) conc[i] = conc[i]! + Math.abs(min);
  }
  return {
    status: 'SUCCESS',
    values: conc,
    debug: {
      als_we_clean: e.weClean,
      als_ae_clean: e.aeClean,
      als_we_t: weT,
      als_ae_t: aeT,
      als_we_baseline: weBaseline,
      als_ae_cor: aeCor,
      als_we_c: weC,
    },
  };
};
