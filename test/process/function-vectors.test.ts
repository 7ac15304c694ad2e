// Every single-function golden vector through the function registry, with the README tolerances.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricFunction } from '../../src/process/functions/index.js';
import { parseCalibrations } from '../../src/process/resolve/calibrations.js';
import { assertColumnClose, DEFAULT_TOLERANCE, maxAbsDiff, type Tolerance } from './helpers/compare.js';
import { csvToTable, readCsv } from './helpers/csv.js';
import { vectorFile, vectorJson, vectorNames } from './helpers/vectors.js';

interface FunctionParams {
  function: string;
  metric: string;
  kwargs: Record<string, unknown>;
  calibrations?: Record<string, unknown>;
  expected_status: string;
  output_columns: string[];
}

const functionVectors = vectorNames().filter((v) => !v.startsWith('pipeline__') && v !== 'status_codes');

function toleranceFor(vector: string, column: string, metric: string): Tolerance {
  if (vector === 'baseline_als__co2') return { atol: 1, rtol: 0 };
  if (vector.startsWith('alphasense_als__') && column === metric) return { atol: 1e-6, rtol: 1e-9 };
  return DEFAULT_TOLERANCE;
}

describe('function golden vectors', () => {
  it('covers the 21 single-function vectors of the shared set', () => {
    assert.equal(functionVectors.length, 21);
  });

  for (const vector of functionVectors) {
    it(`${vector} reproduces every output column of the original within tolerance`, (t) => {
      const params = vectorJson<FunctionParams>(vector, 'params.json');
      const fn = metricFunction(params.function);
      assert.ok(fn, `function ${params.function} is registered`);
      const input = csvToTable(readCsv(vectorFile(vector, 'input.csv')));
      const expected = csvToTable(readCsv(vectorFile(vector, 'expected.csv')));
      assert.deepEqual(expected.index, input.index);
      const calibrations = parseCalibrations(params.calibrations ?? {});
      const result = fn(input, params.kwargs, { calibrations });
      assert.equal(result.status, params.expected_status);
      for (const column of params.output_columns) {
        const actual = column === params.metric ? result.values : result.debug?.[column];
        const tolerance = toleranceFor(vector, column, params.metric);
        assertColumnClose(actual, expected.columns.get(column)!, `${vector} ${column}`, tolerance);
        if (tolerance !== DEFAULT_TOLERANCE) {
          t.diagnostic(`${column}: max |diff| ${maxAbsDiff(actual!, expected.columns.get(column)!)}`);
        }
      }
    });
  }

  it('does not modify the input table', () => {
    const vector = 'alphasense_803_04__asa4_ox';
    const params = vectorJson<FunctionParams>(vector, 'params.json');
    const input = csvToTable(readCsv(vectorFile(vector, 'input.csv')));
    const before = new Map([...input.columns].map(([k, v]) => [k, v.slice()]));
    metricFunction(params.function)!(input, params.kwargs, {
      calibrations: parseCalibrations(params.calibrations),
    });
    assert.deepEqual([...input.columns.keys()], [...before.keys()]);
    for (const [name, values] of before) assert.deepEqual(input.columns.get(name), values, name);
  });
});
