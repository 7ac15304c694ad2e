// Function behaviour the vectors do not pin: options no blueprint uses, quirks kept, edge cases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alphasense80304 } from '../../src/process/functions/alphasense-803-04.js';
import { alphasenseAls } from '../../src/process/functions/alphasense-als.js';
import { parseCalibrations } from '../../src/process/resolve/calibrations.js';
import { MetricCrash, MetricKeyError } from '../../src/process/status.js';
import type { Table } from '../../src/process/table.js';

const nan = Number.NaN;

function table(columns: Record<string, number[]>, index?: number[]): Table {
  const n = Object.values(columns)[0]?.length ?? 0;
  return {
    index: Float64Array.from(index ?? Array.from({ length: n }, (_, i) => i * 60)),
    columns: new Map(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v)])),
  };
}

const cal = (fields: Record<string, unknown>) =>
  parseCalibrations({
    '212000001': {
      we_electronic_zero_mv: 0,
      ae_electronic_zero_mv: 0,
      we_sensor_zero_mv: 0,
      ae_sensor_zero_mv: 0,
      we_sensitivity_mv_ppb: 1,
      we_cross_sensitivity_no2_mv_ppb: 0,
      ...fields,
    },
    '214000001': {
      we_electronic_zero_mv: 0,
      ae_electronic_zero_mv: 0,
      we_sensor_zero_mv: 0,
      ae_sensor_zero_mv: 0,
      we_sensitivity_mv_ppb: 1,
      we_cross_sensitivity_no2_mv_ppb: 1000,
    },
    '133000001': {
      we_electronic_zero_mv: 0,
      ae_electronic_zero_mv: 0,
      we_sensor_zero_mv: 2,
      ae_sensor_zero_mv: 4,
      we_sensitivity_mv_ppb: 1000,
      we_cross_sensitivity_no2_mv_ppb: 0,
    },
    '132000001': {
      we_electronic_zero_mv: 0,
      ae_electronic_zero_mv: 0,
      we_sensor_zero_mv: 100,
      ae_sensor_zero_mv: 0,
      we_sensitivity_mv_ppb: 1000,
      we_cross_sensitivity_no2_mv_ppb: 0,
    },
    '999000001': { we_electronic_zero_mv: 0 },
  });
const ctx = { calibrations: cal({}) };
const gas = (id: string, extra: Record<string, unknown> = {}) => ({
  we: 'WE',
  ae: 'AE',
  t: 'T',
  alphasense_id: id,
  ...extra,
});

describe('alphasense_803_04 options and quirks', () => {
  // ASA4_NO2 algorithm 1, n_t = 1.8 at 20 °C, sensitivity 1 mV/ppb: conc = (we - 1.8 ae) * 1000.
  const input = table({ WE: [0.002, 0.003, 0.001], AE: [0, 0, 0], T: [20, 20, 20] });

  it('offsets by |min| even when the minimum is positive (Q8 kept)', () => {
    const result = alphasense80304(input, gas('212000001', { offset_negative_conc: true }), ctx);
    assert.deepEqual(
      [...result.values!].map((v) => Math.round(v * 1e9) / 1e9),
      [3, 4, 2],
    );
  });

  it('ignores offset_negative_conc when the clip_negative_conc key is present, even false (Q8 kept)', () => {
    const result = alphasense80304(
      input,
      gas('212000001', { clip_negative_conc: false, offset_negative_conc: true }),
      ctx,
    );
    assert.deepEqual(
      [...result.values!].map((v) => Math.round(v * 1e9) / 1e9),
      [2, 3, 1],
    );
  });

  it('clips negative concentrations to 0 and keeps NaN', () => {
    const result = alphasense80304(
      table({ WE: [0.001, nan], AE: [0.001, 0], T: [20, 20] }),
      gas('212000001', { clip_negative_conc: true }),
      ctx,
    );
    assert.deepEqual([...result.values!], [0, nan]);
  });

  it('uses algorithm 2 (k_t · WE zero / AE zero) for ASB4_H2S with use_alternative', () => {
    const result = alphasense80304(
      table({ WE: [0.5], AE: [0.2], T: [20] }),
      gas('133000001', { use_alternative: true }),
      ctx,
    );
    assert.ok(Math.abs(result.values![0]! - (0.5 - 1.0 * (2 / 4) * 0.2)) < 1e-12);
  });

  it('subtracts the kpp_t table as volts in algorithm 4 (Q7 kept)', () => {
    const result = alphasense80304(
      table({ WE: [0.5], AE: [0.2], T: [20] }),
      gas('132000001', { use_alternative: true }),
      ctx,
    );
    assert.ok(Math.abs(result.values![0]! - (0.5 - 0.1 - 0)) < 1e-12);
    const at30 = alphasense80304(
      table({ WE: [0.5], AE: [0.2], T: [30] }),
      gas('132000001', { use_alternative: true }),
      ctx,
    );
    assert.ok(Math.abs(at30.values![0]! - (0.5 - 0.1 + 15)) < 1e-12);
  });

  it('reads the NO2 cross-sensitivity from no2_channel and raises MetricKeyError when the column is missing', () => {
    const t = table({ WE: [0.5], AE: [0], T: [20], MY_NO2: [0.1] });
    const result = alphasense80304(t, gas('214000001', { no2_channel: 'MY_NO2' }), ctx);
    assert.ok(Math.abs(result.values![0]! - (0.5 - 0.1) * 1000) < 1e-9);
    assert.throws(
      () => alphasense80304(t, gas('214000001'), ctx),
      (e: unknown) => e instanceof MetricKeyError && /'NO2'/.test(e.message),
    );
  });

  it('raises MetricKeyError for a serial with an unknown Alphasense code and for a missing calibration field', () => {
    const t = table({ WE: [0.5], AE: [0], T: [20] });
    assert.throws(
      () => alphasense80304(t, gas('999000001'), ctx),
      (e: unknown) => e instanceof MetricKeyError && /unknown Alphasense code '999'/.test(e.message),
    );
  });

  it('replaces we_t/ae_t by a trailing time-window mean with rolling_frequency', () => {
    const t = table(
      { WE: [0.001, 0.003, nan, 0.005], AE: [0, 0, 0, 0], T: [20, 20, 20, 20] },
      [0, 60, 120, 300],
    );
    const result = alphasense80304(t, gas('212000001', { rolling_frequency: '2Min' }), ctx);
    const weT = [...result.debug!['803_we_t']!];
    assert.deepEqual(
      weT.map((v) => Math.round(v * 1e12) / 1e12),
      [0.001, 0.002, 0.003, 0.005],
    );
    assert.throws(() => alphasense80304(t, gas('212000001', { rolling_frequency: '1M' }), ctx), MetricCrash);
  });

  it('masks gap_window_removal_h hours (inclusive) from the first row and from every row after a gap longer than n_gaps minutes', () => {
    const index = [0, 60, 1800, 3600, 3660, 9000, 9060, 12660];
    const ones = index.map(() => 1);
    const t = table({ WE: ones, AE: ones.map(() => 0), T: ones.map(() => 20) }, index);
    const result = alphasense80304(t, gas('212000001', { n_gaps: 60, gap_window_removal_h: 1 }), ctx);
    assert.deepEqual([...result.values!].map(Number.isNaN), [
      true,
      true,
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
    assert.deepEqual([...result.debug!['803_ae_t']!].map(Number.isNaN), [
      true,
      true,
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
    const off = alphasense80304(t, gas('212000001', { n_gaps: 60, gap_window_removal_h: null }), ctx);
    assert.ok(off.values!.every((v) => !Number.isNaN(v)));
  });
});

describe('alphasense_als options', () => {
  const n = 40;
  const ae = Array.from({ length: n }, (_, i) => 0.01 + 0.001 * Math.sin(i));
  const we = ae.map((a, i) => 2 * a + 0.001 + (i % 7 === 0 ? 0.002 : 0));
  const input = table({ WE: we, AE: ae, T: new Array<number>(n).fill(20) });

  it('offsets only when the minimum is negative and adds background_conc', () => {
    const plain = alphasenseAls(input, gas('212000001'), ctx).values!;
    const offset = alphasenseAls(input, gas('212000001', { offset_negative_conc: true }), ctx).values!;
    const min = Math.min(...plain);
    for (let i = 0; i < n; i++) assert.equal(offset[i], min < 0 ? plain[i]! + Math.abs(min) : plain[i]);
    const background = alphasenseAls(input, gas('212000001', { background_conc: 8 }), ctx).values!;
    for (let i = 0; i < n; i++) assert.equal(background[i], plain[i]! + 8);
  });

  it('raises MetricCrash when fewer than 2 rows have both a baseline and an AE value', () => {
    const t = table({ WE: [0.1, 0.2, 0.3], AE: [nan, nan, 0.1], T: [20, 20, 20] });
    assert.throws(
      () => alphasenseAls(t, gas('212000001'), ctx),
      (e: unknown) => e instanceof MetricCrash && /at least 2 points, got 1/.test(e.message),
    );
  });

  it('requires the temperature column although it does not use it', () => {
    const t = table({ WE: [0.1, 0.2, 0.3], AE: [0.1, 0.1, 0.1] });
    assert.throws(() => alphasenseAls(t, gas('212000001'), ctx), MetricKeyError);
  });
});
