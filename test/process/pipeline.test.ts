// The pipeline vectors without HTTP: resolve, choose channels, load input.csv, join, rename, process, post.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failingMetrics } from '../../src/process/failing-metrics.js';
import { nextLatestPostprocessing, postedSeries } from '../../src/process/posted.js';
import { processTable } from '../../src/process/process-table.js';
import { renameTable } from '../../src/process/rename.js';
import { channelsToLoad, originalChannels } from '../../src/process/resolve/channels.js';
import { resolveMetrics } from '../../src/process/resolve/metrics.js';
import type { DeviceSensor } from '../../src/process/resolve/names.js';
import { isErrorStatus } from '../../src/process/status.js';
import { buildTable, type Reading } from '../../src/process/table.js';
import { convertUnits } from '../../src/process/units.js';
import { assertColumnClose, maxAbsDiff } from './helpers/compare.js';
import { csvToReadings, csvToTable, readCsv } from './helpers/csv.js';
import {
  upstreamBlueprint,
  upstreamCalibrations,
  upstreamHardware,
  upstreamNames,
  vectorFile,
  vectorJson,
} from './helpers/vectors.js';

interface PipelineParams {
  device_json: { data: { sensors: DeviceSensor[] } };
  hardware_file: string;
  blueprint_file: string;
  requested_channels: string[];
  readings_urls_requested: string[];
  metrics_in_processing_order: {
    name: string;
    function: string;
    id: number | null;
    post: boolean;
    kwargs: Record<string, unknown>;
    depends_on: string[];
  }[];
}

interface PipelineResult {
  task_state: [string, string];
  metric_status: { metric: string; function: string; status: string }[];
  latest_postprocessing_after: string;
  posts: {
    url: string;
    body: { data: { recorded_at: string; sensors: { id: number; value: number }[] }[] };
  }[];
}

const APPROXIMATE = new Set(['CO2_BASELINE', 'CO2']);

function runPipeline(vector: string, fixQ1: boolean) {
  const params = vectorJson<PipelineParams>(vector, 'params.json');
  const sensors = params.device_json.data.sensors;
  const hardwareId = params.hardware_file.replace(/^hardware\/|\.json$/g, '');
  const blueprint = upstreamBlueprint(params.blueprint_file.replace(/^blueprints\//, ''));
  const metrics = resolveMetrics(blueprint, upstreamHardware(hardwareId), hardwareId);
  const plan = channelsToLoad(metrics, sensors, upstreamNames());
  const channels = fixQ1 ? plan.channels : originalChannels(metrics);
  const requested = sensors.filter((s) => channels.includes(s.name));
  const readings = csvToReadings(readCsv(vectorFile(vector, 'input.csv')));
  const loaded = new Map<string, Reading[]>();
  for (const sensor of requested) loaded.set(sensor.name, readings.get(sensor.name) ?? []);
  const table = convertUnits(
    renameTable(buildTable(loaded), sensors, upstreamNames()),
    sensors,
    upstreamNames(),
  );
  const outcome = processTable(table, metrics, upstreamCalibrations());
  return { params, metrics, plan, channels, requested, outcome };
}

function postsBySensor(result: PipelineResult): Map<number, { t: number; v: number }[]> {
  const out = new Map<number, { t: number; v: number }[]>();
  for (const post of result.posts) {
    for (const row of post.body.data) {
      for (const s of row.sensors) {
        if (!out.has(s.id)) out.set(s.id, []);
        out.get(s.id)!.push({ t: Date.parse(row.recorded_at) / 1000, v: s.value });
      }
    }
  }
  return out;
}

for (const [vector, fixQ1] of [
  ['pipeline__scas220060__dprocess', false],
  ['pipeline__scas220060__dprocess_plus_scd30', true],
] as const) {
  describe(vector, () => {
    const run = runPipeline(vector, fixQ1);
    const result = vectorJson<PipelineResult>(vector, 'expected_result.json');
    const expected = csvToTable(readCsv(vectorFile(vector, 'expected.csv')));

    it('resolves the metrics in the original processing order with identical names, functions, ids and kwargs', () => {
      const actual = run.metrics.map((m) => ({
        name: m.name,
        function: m.function,
        id: m.id,
        post: m.post,
        kwargs: m.kwargs,
        depends_on: m.dependsOn,
      }));
      assert.deepEqual(actual, run.params.metrics_in_processing_order);
    });

    it(`requests exactly the vector's channels (${fixQ1 ? 'Q1 list with the SCD30 sensor' : "the original's list"})`, () => {
      assert.deepEqual(run.channels, run.params.requested_channels);
      const ids = run.params.readings_urls_requested.map((url) => Number(/sensor_id=(\d+)/.exec(url)![1]));
      assert.deepEqual(
        run.requested.map((s) => s.id),
        ids,
      );
      if (fixQ1) {
        assert.deepEqual(run.plan.extras, ['Sensirion SCD30 - CO2']);
        assert.deepEqual(
          run.plan.sensors.map((s) => s.id),
          ids,
        );
      }
    });

    it('produces the same rows and the same columns as the original', () => {
      const table = run.outcome.table;
      assert.deepEqual(table.index, expected.index);
      assert.deepEqual([...table.columns.keys()].sort(), [...expected.columns.keys()].sort());
    });

    it('matches every column of expected.csv (CO2_BASELINE / CO2 values non-blocking, reported)', (t) => {
      for (const [name, want] of expected.columns) {
        const got = run.outcome.table.columns.get(name)!;
        if (APPROXIMATE.has(name)) {
          assertColumnClose(got, want, name, { atol: Number.POSITIVE_INFINITY, rtol: 0 });
          t.diagnostic(`${name}: max |diff| ${maxAbsDiff(got, want)} ppm (non-blocking)`);
          continue;
        }
        assertColumnClose(got, want, name);
      }
    });

    it('records exactly the metric statuses of the original', () => {
      assert.deepEqual(
        run.outcome.statuses.map((s) => ({ metric: s.metric, function: s.function, status: s.status })),
        result.metric_status,
      );
    });

    it('fails no run under the Q1 fix: errors only hit metrics nothing posted needs', () => {
      assert.deepEqual(failingMetrics(run.outcome.statuses, run.metrics), []);
      const originalFails = run.outcome.statuses.some((s) => isErrorStatus(s.status));
      assert.equal(originalFails, result.task_state[1] === 'PROCESSING_FAILED');
    });

    it('posts the same (timestamp, value) pairs per sensor id as the original (dprocess: as the SCD30 run)', () => {
      const source = fixQ1
        ? result
        : vectorJson<PipelineResult>('pipeline__scas220060__dprocess_plus_scd30', 'expected_result.json');
      const want = postsBySensor(source);
      const posted = postedSeries(run.outcome.table, run.metrics);
      assert.deepEqual(
        posted.map((p) => p.sensorId),
        [...want.keys()],
      );
      for (const series of posted) {
        const rows = want.get(series.sensorId)!;
        assert.deepEqual(
          [...series.timestamps],
          rows.map((r) => r.t),
          `${series.metric} timestamps`,
        );
        assertColumnClose(
          series.values,
          Float64Array.from(rows, (r) => r.v),
          `${series.metric} posted values`,
        );
      }
    });

    it('moves latest_postprocessing to the last loaded row + 60 s', () => {
      const next = nextLatestPostprocessing(run.outcome.table);
      const plus = vectorJson<PipelineResult>(
        'pipeline__scas220060__dprocess_plus_scd30',
        'expected_result.json',
      );
      assert.equal(next, Date.parse(plus.latest_postprocessing_after) / 1000);
      if (!fixQ1) assert.equal(result.latest_postprocessing_after, '2024-05-01T00:00:00+00:00');
    });
  });
}
