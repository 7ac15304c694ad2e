// Document validation and resolution errors: typed, one line, naming the document and the problem.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, ExitCode } from '../../src/errors.js';
import { BlueprintError, DocumentError, HardwareError } from '../../src/process/errors.js';
import { parseBlueprint } from '../../src/process/resolve/blueprint.js';
import { parseCalibrations } from '../../src/process/resolve/calibrations.js';
import { parseHardware } from '../../src/process/resolve/hardware.js';
import { parseJsonText } from '../../src/process/resolve/json.js';
import { deepMerge } from '../../src/process/resolve/merge.js';
import { resolveMetrics } from '../../src/process/resolve/metrics.js';
import { parseNames } from '../../src/process/resolve/names.js';
import { processingOrder } from '../../src/process/resolve/order.js';

function metric(name: string, extra: Record<string, unknown> = {}) {
  return { name, id: null, function: 'channel_names', kwargs: { channel: null }, ...extra };
}

function expectError(fn: () => unknown, type: new (...args: never[]) => Error, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    assert.ok(error instanceof AppError);
    assert.equal(error.exitCode, ExitCode.deviceNotValid);
    assert.ok(!error.message.includes('\n'), 'one-line message');
    assert.match(error.message, pattern);
    return true;
  });
}

const noHardware = parseHardware({ blueprint_url: 'x', versions: [] });

describe('document parsers', () => {
  it('reject invalid JSON text with a DocumentError naming the document', () => {
    expectError(
      () => parseJsonText('{"a":', 'hardware SCAS1'),
      DocumentError,
      /^hardware SCAS1: not valid JSON/,
    );
  });

  it('reject a blueprint that is not an object, has a non-list metrics or an unknown top-level key', () => {
    expectError(
      () => parseBlueprint([], 'bp.json'),
      DocumentError,
      /^bp\.json: the document must be an object/,
    );
    expectError(() => parseBlueprint({ metrics: {} }, 'bp.json'), DocumentError, /metrics must be an array/);
    expectError(
      () => parseBlueprint({ metrics: [], checks: [] }, 'bp.json'),
      DocumentError,
      /unknown top-level key 'checks'/,
    );
  });

  it('reject blueprint metrics without a name or function, with a bad id, kwargs or depends_on, or defined twice', () => {
    expectError(
      () => parseBlueprint({ metrics: [{ function: 'f' }] }, 'bp'),
      DocumentError,
      /metrics\[0\]\.name must be a string/,
    );
    expectError(
      () => parseBlueprint({ metrics: [{ name: 'A' }] }, 'bp'),
      DocumentError,
      /metric A: function must be a string/,
    );
    expectError(
      () => parseBlueprint({ metrics: [metric('A', { id: '152' })] }, 'bp'),
      DocumentError,
      /metric A: id must be an integer or null/,
    );
    expectError(
      () => parseBlueprint({ metrics: [metric('A', { kwargs: [] })] }, 'bp'),
      DocumentError,
      /metric A: kwargs must be an object/,
    );
    expectError(
      () => parseBlueprint({ metrics: [metric('A', { depends_on: [1] })] }, 'bp'),
      DocumentError,
      /depends_on entries must be a string/,
    );
    expectError(
      () => parseBlueprint({ metrics: [metric('A'), metric('A')] }, 'bp'),
      DocumentError,
      /metric 'A' is defined twice/,
    );
  });

  it('default id, post, kwargs and depends_on like the original model', () => {
    const bp = parseBlueprint({ metrics: [{ name: 'A', function: 'channel_names' }] });
    assert.deepEqual(bp.metrics[0], {
      name: 'A',
      description: null,
      id: null,
      function: 'channel_names',
      module: 'scdata.device.process',
      unit: null,
      post: false,
      args: [],
      kwargs: {},
      dependsOn: [],
    });
  });

  it('reject hardware without blueprint_url or with a non-string serial', () => {
    expectError(
      () => parseHardware({ versions: [] }, 'SCAS9'),
      DocumentError,
      /^SCAS9: blueprint_url must be a string/,
    );
    expectError(
      () => parseHardware({ blueprint_url: 'u', versions: [{ ids: { AS_48_32: { x: 1 } } }] }, 'SCAS9'),
      DocumentError,
      /^SCAS9: versions\[0\]\.ids\.AS_48_32 must be a serial string/,
    );
  });

  it('reject names that are not a list of {name, id} and calibrations that are not an object of objects', () => {
    expectError(
      () => parseNames({}, 'SCDevice.json'),
      DocumentError,
      /^SCDevice\.json: the document must be an array/,
    );
    expectError(
      () => parseNames([{ id: '1' }], 'SCDevice.json'),
      DocumentError,
      /entry 0\.name must be a string/,
    );
    expectError(
      () => parseCalibrations({ '212': 5 }),
      DocumentError,
      /^calibrations\.json: entry '212' must be an object/,
    );
  });
});

describe('metric resolution errors', () => {
  it('names the metric and function of an unknown function', () => {
    const bp = parseBlueprint({ metrics: [metric('A'), metric('B', { function: 'merge_ts' })] });
    expectError(
      () => resolveMetrics(bp, noHardware),
      BlueprintError,
      /^metric B: unknown function 'merge_ts'$/,
    );
  });

  it('names the metrics of a dependency cycle', () => {
    const bp = parseBlueprint({
      metrics: [
        metric('A'),
        metric('B', { depends_on: ['C'] }),
        metric('C', { depends_on: ['B'] }),
        metric('D', { depends_on: ['C'] }),
      ],
    });
    expectError(() => resolveMetrics(bp, noHardware), BlueprintError, /dependency cycle .* among B, C, D$/);
  });

  it('names a depends_on entry that is not a metric', () => {
    const bp = parseBlueprint({ metrics: [metric('A', { depends_on: ['NOPE'] })] });
    expectError(
      () => resolveMetrics(bp, noHardware),
      BlueprintError,
      /depends_on names unknown metrics: A -> NOPE$/,
    );
  });

  it('rejects a slot that fills a metric absent from the blueprint', () => {
    const bp = parseBlueprint({ metrics: [metric('NO2_WE'), metric('NO2_AE')] });
    const hw = parseHardware({ blueprint_url: 'u', versions: [{ ids: { AS_48_32: '212180235' } }] });
    expectError(
      () => resolveMetrics(bp, hw, 'SCAS1'),
      HardwareError,
      /^SCAS1: slot AS_48_32 \(serial '212180235'\) fills metric NO2/,
    );
  });

  it('rejects a slot name that is not AS_xx_yy or PT_xx_yy', () => {
    const bp = parseBlueprint({ metrics: [metric('A')] });
    const hw = parseHardware({ blueprint_url: 'u', versions: [{ ids: { XX_48_32: '212180235' } }] });
    expectError(
      () => resolveMetrics(bp, hw, 'SCAS1'),
      HardwareError,
      /slot 'XX_48_32' \(serial '212180235'\) is not/,
    );
  });
});

describe('resolution semantics', () => {
  it('orders with a FIFO queue: roots in blueprint order, then dependants as their last dependency is taken', () => {
    const order = processingOrder([
      { name: 'X', dependsOn: ['A'] },
      { name: 'A', dependsOn: [] },
      { name: 'Y', dependsOn: ['X', 'B'] },
      { name: 'B', dependsOn: [] },
      { name: 'Z', dependsOn: ['A'] },
    ]);
    assert.deepEqual(order, ['A', 'B', 'X', 'Z', 'Y']);
  });

  it('applies every hardware version in file order, later values overriding earlier ones (Q5: dates ignored)', () => {
    const bp = parseBlueprint({
      metrics: [
        metric('NO2_WE'),
        metric('NO2_AE'),
        {
          name: 'NO2',
          id: 153,
          function: 'alphasense_803_04',
          kwargs: { we: null, ae: null, t: 'EC_SENSOR_TEMP', alphasense_id: null, x: 1 },
        },
      ],
    });
    const hw = parseHardware({
      blueprint_url: 'u',
      versions: [
        { ids: { AS_48_32: '212180235' }, from: '2030-01-01', to: null },
        { ids: { AS_49_10: '212999999' }, from: '2020-01-01', to: '2021-01-01' },
      ],
    });
    const no2 = resolveMetrics(bp, hw).find((m) => m.name === 'NO2')!;
    assert.deepEqual(no2.kwargs, {
      we: 'ADC_49_1',
      ae: 'ADC_49_0',
      t: 'EC_SENSOR_TEMP',
      alphasense_id: '212999999',
      x: 1,
    });
  });

  it('merges nested objects recursively and replaces lists and scalars', () => {
    assert.deepEqual(deepMerge({ a: { b: 1, c: [1] }, d: 1 }, { a: { c: [2] }, e: 2 }), {
      a: { b: 1, c: [2] },
      d: 1,
      e: 2,
    });
  });
});
