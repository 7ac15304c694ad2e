// The `status_codes` vector: warning / error / exception paths of every function.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { metricFunction } from '../../src/process/functions/index.js';
import { parseCalibrations } from '../../src/process/resolve/calibrations.js';
import { MetricKeyError } from '../../src/process/status.js';
import type { Table } from '../../src/process/table.js';
import { csvToTable, readCsv } from './helpers/csv.js';
import { vectorFile, vectorJson } from './helpers/vectors.js';

interface StatusCase {
  case: string;
  function: string;
  kwargs: Record<string, unknown>;
  columns: string[];
  modification: string | null;
  expected_status: string;
}

const params = vectorJson<{ calibrations: Record<string, unknown>; cases: StatusCase[] }>(
  'status_codes',
  'params.json',
);
const calibrations = parseCalibrations(params.calibrations);
const csv = readCsv(vectorFile('status_codes', 'input.csv'));

function inputFor(c: StatusCase): Table {
  const table = csvToTable(csv, c.columns);
  if (c.modification === 'EC_SENSOR_TEMP at row 5 set to exactly 50.0')
    table.columns.get('EC_SENSOR_TEMP')![5] = 50;
  else assert.equal(c.modification, null, `unknown modification ${c.modification}`);
  return table;
}

describe('status codes vector', () => {
  it('lists the same cases in params.json and expected.csv', () => {
    const lines = readFileSync(vectorFile('status_codes', 'expected.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    assert.deepEqual(
      params.cases.map((c) => `${c.case},${c.function},${c.expected_status}`),
      lines,
    );
  });

  for (const c of params.cases) {
    const title = `${c.function} ${c.case}`;
    if (c.expected_status === 'EXCEPTION:StopIteration') {
      it(`${title}: returns a value at exactly 50 °C using the last table value instead of crashing (Q2 fixed)`, () => {
        const table = inputFor(c);
        const result = metricFunction(c.function)!(table, c.kwargs, { calibrations });
        assert.equal(result.status, 'SUCCESS');
        const weT = result.debug!['803_we_t']![5]!;
        const aeT = result.debug!['803_ae_t']![5]!;
        // ASA4_NO2 (212...), algorithm 1: n_t at 50 °C is the last table value 3.6.
        const sensitivity = 0.21753999999999998 / 1000;
        assert.equal(result.values![5], (weT - 3.6 * aeT) / sensitivity);
        assert.ok(Number.isFinite(result.values![5]!));
      });
      continue;
    }
    if (c.expected_status === 'EXCEPTION:KeyError') {
      it(`${title}: throws MetricKeyError where the original raised KeyError`, () => {
        assert.throws(
          () => metricFunction(c.function)!(inputFor(c), c.kwargs, { calibrations }),
          (error: unknown) => error instanceof MetricKeyError && /ASPT1000/.test(error.message),
        );
      });
      continue;
    }
    it(`${title}: returns ${c.expected_status}`, () => {
      const result = metricFunction(c.function)!(inputFor(c), c.kwargs, { calibrations });
      assert.equal(result.status, c.expected_status);
      assert.equal(result.values, undefined);
    });
  }
});
