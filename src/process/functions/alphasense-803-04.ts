// alphasense_803_04 (spec §3.5): 4-electrode conversion after Alphasense AAN 803-04, result in ppb.
import { FAMILY_ALGORITHMS, temperatureFactor } from './alphasense-tables.js';
import { field } from './calibration.js';
import { isStatusResult, nanMin, prepareElectrodes, subtractNo2CrossSensitivity } from './electrochem.js';
import { has, truthy } from './kwargs.js';
import type { MetricFunction } from './types.js';

const FN = 'alphasense_803_04';

/** WE/AE voltages + temperature + calibration -> concentration (ppb); debug columns `803_*`. */
export const alphasense80304: MetricFunction = (table, kwargs, ctx) => {
  const e = prepareElectrodes(FN, table, kwargs, ctx);
  if (isStatusResult(e)) return e;
  const algorithm = FAMILY_ALGORITHMS[e.family]![truthy(kwargs.use_alternative) ? 1 : 0];
  const { weT, aeT, temperature } = e;
  const n = weT.length;
  const weC = new Float64Array(n);
  const table8 = algorithm.table;
  switch (algorithm.number) {
    case 1:
      for (let i = 0; i < n; i++) weC[i] = weT[i]! - temperatureFactor(temperature[i]!, table8) * aeT[i]!;
      break;
    case 2: {
      const ratio = field(e.cal, 'we_sensor_zero_mv', e.id) / field(e.cal, 'ae_sensor_zero_mv', e.id);
      for (let i = 0; i < n; i++)
        weC[i] = weT[i]! - temperatureFactor(temperature[i]!, table8) * ratio * aeT[i]!;
      break;
    }
    case 3: {
      const zero = (field(e.cal, 'we_sensor_zero_mv', e.id) - field(e.cal, 'ae_sensor_zero_mv', e.id)) / 1000;
      for (let i = 0; i < n; i++)
        weC[i] = weT[i]! - zero - temperatureFactor(temperature[i]!, table8) * aeT[i]!;
      break;
    }
    case 4: {
      // Quirk Q7 kept: the kpp_t table (mV) is subtracted as if it were volts.
      const zero = field(e.cal, 'we_sensor_zero_mv', e.id) / 1000;
      for (let i = 0; i < n; i++) weC[i] = weT[i]! - zero - temperatureFactor(temperature[i]!, table8);
      break;
    }
  }
  subtractNo2CrossSensitivity(FN, table, kwargs, e, weC);
  const sensitivity = field(e.cal, 'we_sensitivity_mv_ppb', e.id) / 1000;
  const conc = new Float64Array(n);
  for (let i = 0; i < n; i++) conc[i] = weC[i]! / sensitivity;
  if (has(kwargs, 'clip_negative_conc')) {
    if (truthy(kwargs.clip_negative_conc)) clipNegative(conc);
  } else if (has(kwargs, 'offset_negative_conc') && truthy(kwargs.offset_negative_conc)) {
    // Quirk Q8 kept: shifted by |min| even when the minimum is positive.
    const shift = Math.abs(nanMin(conc));
    for (let i = 0; i < n; i++) conc[i] = conc[i]! + shift;
  }
  return {
    status: 'SUCCESS',
    values: conc,
    debug: {
      '803_we_clean': e.weClean,
      '803_ae_clean': e.aeClean,
      '803_we_t': weT,
      '803_ae_t': aeT,
      '803_we_c': weC,
    },
  };
};

/** pandas `clip(lower=0)` in place (NaN stays NaN). */
export function clipNegative(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) if (values[i]! < 0) values[i] = 0;
}
