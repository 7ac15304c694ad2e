// Behaviour of the small functions and numeric helpers the vectors do not pin.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alphasensePt1000 } from '../../src/process/functions/alphasense-pt1000.js';
import { temperatureFactor } from '../../src/process/functions/alphasense-tables.js';
import { pythonFloat } from '../../src/process/functions/calibration.js';
import { channelNames } from '../../src/process/functions/channel-names.js';
import { cleanTs } from '../../src/process/functions/clean-ts.js';
import { ecSensorTemp } from '../../src/process/functions/ec-sensor-temp.js';
import { polyTs } from '../../src/process/functions/poly-ts.js';
import { fitLine } from '../../src/process/numeric/line-fit.js';
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

const ctx = { calibrations: parseCalibrations({}) };

describe('small functions', () => {
  it('interpolates the temperature tables and saturates below -30 and from 50 °C (Q2 fixed)', () => {
    const table8 = [0.8, 0.8, 1.0, 1.2, 1.6, 1.8, 1.9, 2.5, 3.6];
    assert.equal(temperatureFactor(-40, table8), 0.8);
    assert.equal(temperatureFactor(50, table8), 3.6);
    assert.equal(temperatureFactor(60, table8), 3.6);
    assert.equal(temperatureFactor(20, table8), 1.8);
    assert.ok(Math.abs(temperatureFactor(45, table8) - 3.05) < 1e-12);
    assert.ok(Number.isNaN(temperatureFactor(nan, table8)));
  });

  it('parses calibration fields like Python float() and rejects what it rejects', () => {
    assert.equal(pythonFloat(' 1.5 '), 1.5);
    assert.equal(pythonFloat('1_000'), 1000);
    assert.equal(pythonFloat('-2e-3'), -0.002);
    assert.equal(pythonFloat('inf'), Number.POSITIVE_INFINITY);
    assert.equal(pythonFloat(3), 3);
    for (const bad of ['', 'abc', '0x10', '1,5', null, [], {}])
      assert.equal(pythonFloat(bad), undefined, String(bad));
  });

  it('returns ERROR_WRONG_CALIBRATION for an AFE entry with an empty field and MetricKeyError without afe_id', () => {
    const t = table({ P: [0.3] });
    const calibrations = parseCalibrations({ afe: { t20: '', v20: 0.3 } });
    assert.equal(
      alphasensePt1000(t, { pt1000plus: 'P', pt1000minus: 'M', afe_id: 'afe' }, { calibrations }).status,
      'ERROR_WRONG_CALIBRATION',
    );
    assert.throws(
      () => alphasensePt1000(t, { pt1000plus: 'P', pt1000minus: 'M' }, { calibrations }),
      MetricKeyError,
    );
  });

  it('averages clean_ts over the last window rows only when all of them are numbers', () => {
    const t = table({ X: [1, 2, 3, 4, 99999.5, 6, 7] });
    const result = cleanTs(t, { name: 'X', window: 2 }, ctx);
    assert.deepEqual([...result.values!], [nan, 1.5, 2.5, 3.5, nan, nan, 6.5]);
    assert.throws(() => cleanTs(t, { name: 'X', window: '5Min' }, ctx), MetricCrash);
  });

  it('computes poly_ts with exponents and NaN when a term is NaN', () => {
    const t = table({ A: [2, nan], B: [3, 1] });
    const result = polyTs(
      t,
      { channels: ['A', 'B'], coefficients: [2, 1], exponents: [2, 1], extra_term: 1 },
      ctx,
    );
    assert.deepEqual([...result.values!], [12, nan]);
    assert.deepEqual([...polyTs(t, { channels: ['A', 'B'] }, ctx).values!], [5, nan]);
  });

  it('chooses the ec_sensor_temp column per column, never filling its NaNs from another column', () => {
    const t = table({ PM_DALLAS_TEMP: [nan, 2], TEMP: [5, 5] });
    assert.deepEqual([...ecSensorTemp(t, { priority: 'ASPT1000' }, ctx).values!], [nan, 2]);
  });

  it('copies the channel_names column rather than sharing it', () => {
    const t = table({ A: [1, nan] });
    const values = channelNames(t, { channel: 'A' }, ctx).values!;
    assert.notEqual(values, t.columns.get('A'));
    assert.deepEqual([...values], [1, nan]);
  });

  it('fits a line by least squares and falls back to the minimum-norm solution when all x are equal', () => {
    const line = fitLine(Float64Array.from([0, 1, 2, nan]), Float64Array.from([1, 3, 5, 100]), 'test');
    assert.ok(Math.abs(line.slope - 2) < 1e-12 && Math.abs(line.intercept - 1) < 1e-12);
    const flat = fitLine(Float64Array.from([2, 2]), Float64Array.from([1, 3]), 'test');
    assert.equal(flat.slope * 2 + flat.intercept, 2);
  });
});
