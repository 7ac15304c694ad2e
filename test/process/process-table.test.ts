// processTable semantics (spec §3.1), failingMetrics (Q1 part 2) and channelsToLoad (Q1 part 1).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BlueprintError } from '../../src/process/errors.js';
import { failingMetrics } from '../../src/process/failing-metrics.js';
import { nextLatestPostprocessing, postedSeries } from '../../src/process/posted.js';
import { processTable } from '../../src/process/process-table.js';
import { parseBlueprint } from '../../src/process/resolve/blueprint.js';
import { channelsToLoad } from '../../src/process/resolve/channels.js';
import { parseHardware } from '../../src/process/resolve/hardware.js';
import { type ResolvedMetric, resolveMetrics } from '../../src/process/resolve/metrics.js';
import { MetricCrash } from '../../src/process/status.js';
import { emptyTable, type Table } from '../../src/process/table.js';
import { upstreamBlueprint, upstreamHardware, upstreamNames } from './helpers/vectors.js';

function metrics(defs: Record<string, unknown>[]): ResolvedMetric[] {
  return resolveMetrics(parseBlueprint({ metrics: defs }), parseHardware({ blueprint_url: 'u' }));
}

const base: Table = {
  index: Float64Array.from([0, 60, 120]),
  columns: new Map([['RAW', Float64Array.from([400, 500, 600])]]),
};

describe('processTable', () => {
  it('stores SUCCESS columns, nothing for warnings, records errors and KeyErrors and carries on', () => {
    const list = metrics([
      { name: 'A', function: 'channel_names', kwargs: { channel: 'RAW' } },
      { name: 'W', function: 'channel_names', kwargs: { channel: null } },
      { name: 'E', function: 'channel_names', kwargs: { channel: 'NOPE' } },
      { name: 'K', function: 'alphasense_pt1000', kwargs: { pt1000plus: 'RAW', pt1000minus: null } },
      { name: 'B', function: 'poly_ts', kwargs: { channels: ['A'], extra_term: 1 } },
    ]);
    const { table, statuses } = processTable(base, list, {});
    assert.deepEqual([...table.columns.keys()], ['RAW', 'A', 'B']);
    assert.deepEqual([...table.columns.get('B')!], [401, 501, 601]);
    assert.deepEqual(
      statuses.map((s) => [s.metric, s.status]),
      [
        ['A', 'SUCCESS'],
        ['W', 'WARNING_NULL_CHANNEL'],
        ['E', 'ERROR_MISSING_CHANNEL'],
        ['K', 'ERROR_UNDEFINED'],
        ['B', 'SUCCESS'],
      ],
    );
    assert.match(statuses[3]!.message!, /kwarg 'afe_id' is missing/);
    assert.deepEqual([...base.columns.keys()], ['RAW'], 'input table untouched');
  });

  it('lets a MetricCrash propagate, tagged with the metric name', () => {
    const list = metrics([{ name: 'BASE', function: 'baseline_als', kwargs: { name: 'RAW' } }]);
    const short: Table = {
      index: Float64Array.from([0, 60]),
      columns: new Map([['RAW', Float64Array.from([1, 2])]]),
    };
    assert.throws(
      () => processTable(short, list, {}),
      (e: unknown) =>
        e instanceof MetricCrash &&
        e.metric === 'BASE' &&
        /^metric BASE: baseline_als needs at least 3 samples/.test(e.message),
    );
  });

  it('records a MetricCrash and carries on when asked, so failingMetrics can judge it', () => {
    const list = metrics([
      { name: 'BASE', function: 'baseline_als', kwargs: { name: 'RAW' } },
      { name: 'A', id: 1, function: 'channel_names', kwargs: { channel: 'RAW' } },
    ]);
    const short: Table = {
      index: Float64Array.from([0, 60]),
      columns: new Map([['RAW', Float64Array.from([1, 2])]]),
    };
    const { table, statuses } = processTable(short, list, {}, { recordCrashes: true });
    assert.equal(statuses[0]!.status, 'ERROR_UNDEFINED');
    assert.equal(statuses[0]!.crashed, true);
    assert.match(statuses[0]!.message!, /at least 3 samples/);
    assert.ok(table.columns.has('A'));
    assert.deepEqual(failingMetrics(statuses, list), []);
  });

  it('refuses a metric whose function is not registered', () => {
    const m = { ...metrics([{ name: 'A', function: 'channel_names' }])[0]!, function: 'rolling_avg' };
    assert.throws(() => processTable(base, [m], {}), BlueprintError);
  });

  it('posts metrics with an id and a column, NaN rows dropped, and dates the next run after the last row', () => {
    const list = metrics([
      { name: 'A', id: 7, function: 'clean_ts', kwargs: { name: 'RAW', limits: [0, 550] } },
      { name: 'B', id: null, post: true, function: 'channel_names', kwargs: { channel: 'RAW' } },
      { name: 'C', id: 8, function: 'channel_names', kwargs: { channel: null } },
    ]);
    const { table } = processTable(base, list, {});
    const posted = postedSeries(table, list);
    assert.deepEqual(
      posted.map((p) => [p.metric, p.sensorId, [...p.timestamps], [...p.values]]),
      [['A', 7, [0, 60], [400, 500]]],
    );
    assert.equal(nextLatestPostprocessing(table), 180);
    assert.equal(nextLatestPostprocessing(emptyTable()), null);
  });
});

describe('failingMetrics', () => {
  const list = metrics([
    { name: 'RAW_A', function: 'channel_names' },
    { name: 'TEMPC', function: 'ec_sensor_temp', kwargs: { priority: 'RAW_A' } },
    { name: 'NO2', id: 153, function: 'alphasense_803_04', kwargs: { t: 'TEMPC' } },
    { name: 'O3', id: 157, function: 'alphasense_803_04', kwargs: { t: 'X' } },
    { name: 'CLEAN', function: 'clean_ts' },
    { name: 'BASE', function: 'baseline_als', kwargs: { name: 'CLEAN' }, depends_on: ['CLEAN'] },
    { name: 'OTHER', function: 'channel_names', depends_on: ['BASE'] },
  ]);
  const errorOf = (...names: string[]) =>
    list.map((m) => ({
      metric: m.name,
      status: names.includes(m.name) ? ('ERROR_MISSING_CHANNEL' as const) : ('SUCCESS' as const),
    }));

  it('ignores errors of metrics no posted metric needs', () => {
    assert.deepEqual(failingMetrics(errorOf('CLEAN', 'BASE', 'OTHER'), list), []);
  });

  it('fails on errors of posted metrics and of what they read through depends_on, kwargs and the implicit NO2', () => {
    assert.deepEqual(failingMetrics(errorOf('NO2'), list), ['NO2']);
    assert.deepEqual(failingMetrics(errorOf('RAW_A', 'CLEAN'), list), ['RAW_A']);
    const withoutNo2Edge = metrics([
      { name: 'NO2', function: 'channel_names' },
      { name: 'O3', id: 157, function: 'alphasense_803_04', kwargs: {} },
    ]);
    const statuses = [
      { metric: 'NO2', status: 'ERROR_MISSING_CHANNEL' as const },
      { metric: 'O3', status: 'SUCCESS' as const },
    ];
    assert.deepEqual(failingMetrics(statuses, withoutNo2Edge), ['NO2']);
  });

  it('treats warnings as harmless', () => {
    const statuses = list.map((m) => ({ metric: m.name, status: 'WARNING_EMPTY_ID' as const }));
    assert.deepEqual(failingMetrics(statuses, list), []);
  });
});

describe('channelsToLoad', () => {
  const scAir = resolveMetrics(
    upstreamBlueprint('sc_air.json'),
    upstreamHardware('SCAS220060'),
    'SCAS220060',
  );
  const sensor = (id: number, name: string) => ({ id, name, unit: 'V' });

  it('appends the API sensor of a raw input (SCD30_CO2 ↔ id 158) found through the names table', () => {
    const sensors = [sensor(136, 'ADC_48_3'), sensor(158, 'My SCD30 CO2'), sensor(55, 'T')];
    const plan = channelsToLoad(scAir, sensors, upstreamNames());
    assert.deepEqual(plan.extras, ['My SCD30 CO2']);
    assert.equal(plan.channels.at(-1), 'My SCD30 CO2');
    assert.deepEqual(
      plan.sensors.map((s) => s.id),
      [136, 158],
    );
  });

  it('appends nothing when the device has no sensor for the raw input', () => {
    const plan = channelsToLoad(scAir, [sensor(136, 'ADC_48_3')], upstreamNames());
    assert.deepEqual(plan.extras, []);
  });

  it('requests every sensor when the channel list is empty, as the original', () => {
    const none = metrics([{ name: 'A', function: 'channel_names', kwargs: { channel: null } }]);
    const sensors = [sensor(1, 'x'), sensor(2, 'y')];
    assert.deepEqual(channelsToLoad(none, sensors, upstreamNames()).sensors, sensors);
  });
});
