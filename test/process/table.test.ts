// The device table: outer join of reading series, renaming to canonical names, unit factors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentError, UnitError } from '../../src/process/errors.js';
import { renameTable } from '../../src/process/rename.js';
import { parseNames } from '../../src/process/resolve/names.js';
import { buildTable } from '../../src/process/table.js';
import { convertUnits, unitFactor } from '../../src/process/units.js';
import { upstreamNames } from './helpers/vectors.js';

describe('buildTable', () => {
  it('joins series on the union of their timestamps with NaN where a sensor has no reading', () => {
    const table = buildTable(
      new Map([
        [
          'a',
          [
            [60, 1],
            [0, 0],
          ] as const,
        ],
        ['b', [[120, 2]] as const],
      ]),
    );
    assert.deepEqual([...table.index], [0, 60, 120]);
    assert.deepEqual([...table.columns.get('a')!], [0, 1, Number.NaN]);
    assert.deepEqual([...table.columns.get('b')!], [Number.NaN, Number.NaN, 2]);
  });

  it('keeps the first of duplicate timestamps in the given order', () => {
    const table = buildTable({
      a: [
        [60, 1],
        [0, 5],
        [60, 2],
        [0, 6],
      ],
    });
    assert.deepEqual([...table.columns.get('a')!], [5, 1]);
  });

  it('creates a row for a timestamp whose only reading has a null value', () => {
    const table = buildTable({ a: [[0, 1]], b: [[60, null]] });
    assert.deepEqual([...table.index], [0, 60]);
    assert.deepEqual([...table.columns.get('a')!], [1, Number.NaN]);
    assert.deepEqual([...table.columns.get('b')!], [Number.NaN, Number.NaN]);
  });

  it('gives an empty table for no series or empty series', () => {
    assert.equal(buildTable({}).index.length, 0);
    const table = buildTable({ a: [] });
    assert.equal(table.index.length, 0);
    assert.equal(table.columns.get('a')!.length, 0);
  });

  it('rejects a non-finite timestamp with a DocumentError naming the sensor', () => {
    assert.throws(
      () => buildTable({ ADC_48_0: [[Number.NaN, 1]] }),
      (e: unknown) => e instanceof DocumentError && /ADC_48_0/.test(e.message),
    );
  });
});

describe('renameTable', () => {
  const sensors = [
    { id: 55, name: 'Sensirion SHT31 - Temperature', unit: 'ºC' },
    { id: 79, name: 'Ext SHT31 - Temperature', unit: 'ºC' },
    { id: 96, name: 'DS18B20', unit: 'ºC' },
    { id: 158, name: 'Sensirion SCD30 - CO2', unit: 'ppm' },
    { id: 135, name: 'ADC_48_2', unit: 'V' },
    { id: 9999, name: 'Mystery', unit: 'V' },
  ];

  it('renames API sensors to the first names entry with their id (Q3: Ext SHT31 becomes GB_TEMP)', () => {
    const table = buildTable(Object.fromEntries(sensors.map((s) => [s.name, [[0, 1]] as const])));
    table.columns.set('NO2', new Float64Array([1]));
    const renamed = renameTable(table, sensors, upstreamNames());
    assert.deepEqual(
      [...renamed.columns.keys()],
      ['TEMP', 'GB_TEMP', 'PM_DALLAS_TEMP', 'SCD30_CO2', 'ADC_48_2', 'Mystery', 'NO2'],
    );
  });

  it('rejects two columns that rename to the same name', () => {
    const names = parseNames([
      { name: 'X', id: '1' },
      { name: 'X', id: '2' },
    ]);
    const table = buildTable({ a: [[0, 1]], b: [[0, 2]] });
    assert.throws(
      () =>
        renameTable(
          table,
          [
            { id: 1, name: 'a' },
            { id: 2, name: 'b' },
          ],
          names,
        ),
      (e: unknown) => e instanceof DocumentError && /'a' and 'b' both rename to 'X'/.test(e.message),
    );
  });
});

describe('unit factors', () => {
  it('is 1 for the channels the flow loads (V, ºC, °C, ppm)', () => {
    assert.equal(unitFactor('ADC_48_2', 'V'), 1);
    assert.equal(unitFactor('TEMP', 'ºC'), 1);
    assert.equal(unitFactor('PM_DALLAS_TEMP', '°C'), 1);
    assert.equal(unitFactor('SCD30_CO2', 'ppm'), 1);
    assert.equal(unitFactor('HUM', '%'), 1);
    assert.equal(unitFactor('TEMP', ''), 1);
    assert.equal(unitFactor('TEMP', null), 1);
  });

  it('converts with the table, dividing by the molecular weight where needed', () => {
    assert.equal(unitFactor('NO2', 'ppm'), 1000);
    assert.equal(unitFactor('CO', 'ug/m3'), 24.45 / 28);
    assert.equal(unitFactor('SCD30_CO2', 'ppb'), 1 / 1000);
  });

  it('throws a UnitError naming sensor and unit for a unit it cannot convert', () => {
    assert.throws(
      () => unitFactor('TEMP', 'C', "'Sensirion SHT31 - Temperature' (id 55)"),
      (e: unknown) =>
        e instanceof UnitError &&
        /Sensirion SHT31 - Temperature' \(id 55\): unit 'C' cannot be converted to 'degC'/.test(e.message),
    );
  });

  it('keeps the raw column as <name>_in_<unit> and converts <name> when the factor is not 1', () => {
    const sensors = [{ id: 1, name: 'no2 sensor', unit: 'ppm' }];
    const names = parseNames([{ name: 'NO2', id: '1' }]);
    const table = renameTable(buildTable({ 'no2 sensor': [[0, 0.5]] }), sensors, names);
    const converted = convertUnits(table, sensors, names);
    assert.deepEqual([...converted.columns.get('NO2')!], [500]);
    assert.deepEqual([...converted.columns.get('NO2_in_ppm')!], [0.5]);
    assert.deepEqual([...table.columns.keys()], ['NO2']);
  });
});

it('columnar series (parallel arrays) join exactly like [timestamp, value] pairs', () => {
  const pairs = new Map<string, [number, number | null][]>([
    [
      'A',
      [
        [120, 1],
        [60, 2],
        [60, 9],
        [180, null],
      ],
    ],
    [
      'B',
      [
        [60, 5],
        [240, 6],
      ],
    ],
  ]);
  const columnar = new Map([
    ['A', { times: [120, 60, 60, 180], values: [1, 2, 9, null] }],
    ['B', { times: new Float64Array([60, 240]), values: new Float64Array([5, 6]) }],
  ]);
  const a = buildTable(pairs);
  const b = buildTable(columnar);
  assert.deepEqual([...b.index], [...a.index]);
  assert.deepEqual([...b.index], [60, 120, 180, 240]);
  for (const name of ['A', 'B'])
    assert.deepEqual([...(b.columns.get(name) ?? [])], [...(a.columns.get(name) ?? [])]);
  assert.deepEqual([...(b.columns.get('A') ?? [])], [2, 1, Number.NaN, Number.NaN]);
  assert.throws(
    () => buildTable(new Map([['C', { times: [1, 2], values: [1] }]])),
    /2 timestamps but 1 values/,
  );
});
