// Resolution of every upstream hardware description against sc_air.json.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HardwareError } from '../../src/process/errors.js';
import { familyOf } from '../../src/process/functions/alphasense-tables.js';
import { type ResolvedMetric, resolveMetrics } from '../../src/process/resolve/metrics.js';
import { hardwareIds, upstreamBlueprint, upstreamHardware } from './helpers/vectors.js';

const SC_AIR_ORDER = [
  'PT1000_POS',
  'CO_WE',
  'CO_AE',
  'NO2_WE',
  'NO2_AE',
  'NO_WE',
  'NO_AE',
  'SO2_WE',
  'SO2_AE',
  'H2S_WE',
  'H2S_AE',
  'OX_WE',
  'OX_AE',
  'CO2_CLEAN',
  'ASPT1000',
  'CO2_BASELINE',
  'EC_SENSOR_TEMP',
  'CO2',
  'CO',
  'NO2',
  'O3',
  'SO2',
  'NO',
  'H2S',
];

const EXPECTED_FAILURES: Record<string, RegExp> = {
  SCAS210030: /slot AS_49_23 serial '163040003' has no known Alphasense code/,
  SCAS220051: /slot AS_49_12 serial '73002320' has no known Alphasense code/,
  SCAS220052: /slot AS_49_12 serial '73002016'/,
  SCAS220053: /slot AS_49_12 serial '73002157'/,
  SCAS220054: /slot AS_49_12 serial '73002644'/,
  SCAS220055: /slot AS_49_12 serial '73002265'/,
  SCAS220117: /slot AS_48_01 has no sensor serial \('nan'\)/,
};

const blueprint = upstreamBlueprint('sc_air.json');
const outcomes = new Map<string, ResolvedMetric[] | Error>();
for (const id of hardwareIds()) {
  try {
    outcomes.set(id, resolveMetrics(blueprint, upstreamHardware(id), id));
  } catch (error) {
    outcomes.set(id, error as Error);
  }
}

describe('resolution of all upstream hardware files against sc_air.json', () => {
  it('reads all 159 hardware descriptions', () => {
    assert.equal(outcomes.size, 159);
  });

  it('fails exactly the 7 files with unknown codes or a "nan" serial, with a HardwareError naming slot and serial', () => {
    const failed = [...outcomes].filter(([, o]) => o instanceof Error);
    assert.deepEqual(failed.map(([id]) => id).sort(), Object.keys(EXPECTED_FAILURES).sort());
    for (const [id, error] of failed) {
      assert.ok(error instanceof HardwareError, `${id}: ${String(error)}`);
      assert.match((error as Error).message, EXPECTED_FAILURES[id]!);
      assert.match((error as Error).message, new RegExp(`^${id}: `));
      assert.ok(!(error as Error).message.includes('\n'));
    }
  });

  it('resolves the other 152 files (SCK21NILU, which has no versions, to the bare blueprint) in the sc_air order', () => {
    const resolved = [...outcomes].filter(([, o]) => !(o instanceof Error)) as [string, ResolvedMetric[]][];
    assert.equal(resolved.length, 152);
    for (const [id, metrics] of resolved) {
      assert.deepEqual(
        metrics.map((m) => m.name),
        SC_AIR_ORDER,
        id,
      );
    }
    const nilu = outcomes.get('SCK21NILU') as ResolvedMetric[];
    assert.ok(nilu.every((m) => m.kwargs.channel === undefined || m.kwargs.channel === null));
  });

  it('reaches the sensor families and counts the spec lists for the 151 files with a blueprint', () => {
    const families = new Map<string, number>();
    let pt1000 = 0;
    for (const [id, outcome] of outcomes) {
      if (outcome instanceof Error || id === 'SCK21NILU') continue;
      for (const metric of outcome) {
        const serial = metric.kwargs.alphasense_id;
        if (typeof serial === 'string')
          families.set(familyOf(serial)!, (families.get(familyOf(serial)!) ?? 0) + 1);
        if (metric.name === 'ASPT1000' && metric.kwargs.afe_id !== null) pt1000++;
      }
    }
    assert.deepEqual(Object.fromEntries([...families].sort()), {
      ASA4_CO: 6,
      ASA4_NO2: 121,
      ASA4_OX: 115,
      ASB4_CO: 17,
      ASB4_NO2: 22,
      ASB4_OX: 17,
      ASB4_SO2: 25,
    });
    assert.equal(pt1000, 121);
  });

  it('fills the gas, WE and AE metrics of an AS slot and the PT1000 metrics of a PT slot', () => {
    const metrics = outcomes.get('SCAS220060') as ResolvedMetric[];
    const byName = new Map(metrics.map((m) => [m.name, m.kwargs]));
    assert.deepEqual(byName.get('NO2'), {
      ae: 'ADC_48_2',
      alphasense_id: '212180235',
      t: 'EC_SENSOR_TEMP',
      we: 'ADC_48_3',
    });
    assert.deepEqual(byName.get('OX_WE'), { channel: 'ADC_49_1' });
    assert.deepEqual(byName.get('ASPT1000'), {
      pt1000minus: 'ADC_49_3',
      pt1000plus: 'ADC_49_2',
      afe_id: '10-003009',
    });
    assert.deepEqual(byName.get('SO2'), {
      ae: null,
      alphasense_id: null,
      t: 'EC_SENSOR_TEMP',
      we: null,
      use_alternative: true,
    });
  });
});
