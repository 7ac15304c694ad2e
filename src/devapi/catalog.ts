// The sensor catalogue of the stand-in: the standard SCK sensors (real ids, names, units and keys), the
// ADS1x15 ADC channels 133–151, the SCD30 channels and the processed sensors 152–157 (placeholder names,
// spec §12.4). Simulated devices and components created by a POST take their sensor objects from here.
import { uuidOf } from './random.js';
import type { MeasurementDocument, SensorDocument } from './types.js';

type MeasurementRow = [id: number, name: string, description: string, uuid: string | null];
// biome-ignore format: one row per entry reads better as a table
const MEASUREMENTS: MeasurementRow[] = [
  [1, 'Air Temperature', 'Temperature of the ambient air.', '120267f0-a809-5fba-af6d-30b52b5a20b3'],
  [2, 'Relative Humidity', 'Moisture in the air relative to saturation.', '6d27e8f7-5d80-5db7-be65-c43c19dc75ee'],
  [3, 'Light', 'Illuminance.', '8bec2203-bdec-57c3-8789-962eb2277c93'],
  [4, 'Noise Level', 'A-weighted sound pressure level.', 'e4335fcc-9283-5d9e-8c48-0607c8c7e020'],
  [7, 'battery', 'Remaining battery level.', '93b60b86-0c0b-5b29-b2f5-1940e80aa9be'],
  [11, 'Voltage', 'Electric potential difference.', 'd416fb1f-404a-557e-9d4f-dea6742d5240'],
  [13, 'PM 10', 'Particulate matter below 10 um.', '0897dd30-e559-53b9-8724-bb5438a19c83'],
  [14, 'PM 2.5', 'Particulate matter below 2.5 um.', '4864b9ec-4b7a-5a94-a14d-16da5bf37d74'],
  [25, 'Barometric Pressure', 'Atmospheric pressure.', 'f73be78d-6d5e-59af-b5bf-2b6126de6ffc'],
  [27, 'PM 1', 'Particulate matter below 1 um.', '3980147b-eb30-54a9-8ea6-01e331a0809e'],
  [46, 'CO2', 'Carbon dioxide concentration.', null],
  [89, 'CO', 'Carbon monoxide concentration.', null],
  [90, 'NO2', 'Nitrogen dioxide concentration.', 'a3556789-a060-5738-b130-121cd2c5e7c1'],
  [91, 'NO', 'Nitric oxide concentration.', null],
  [92, 'SO2', 'Sulphur dioxide concentration.', null],
  [93, 'H2S', 'Hydrogen sulphide concentration.', null],
  [94, 'O3', 'Ozone concentration.', null],
];

type SensorRow = [
  id: number,
  ancestry: string | null,
  name: string,
  description: string,
  unit: string | null,
  created: string,
  updated: string,
  uuid: string | null,
  key: string,
  measurement: number,
  tags: string[],
];
const T0 = '2015-02-02T18:18:00Z';
const T1 = '2018-05-03T10:47:15Z';
const T2 = '2021-01-20T10:00:00Z';
// biome-ignore format: one row per entry reads better as a table
const SENSORS: SensorRow[] = [
  [10, null, 'Battery SCK', 'Custom Circuit', '%', T0, '2020-12-11T16:12:40Z', 'c9ff2784-53a7-4a84-b0fc-90ecc7e313f9', 'bat', 7, []],
  [14, null, 'BH1730FVC - Light', 'Digital Ambient Light Sensor', 'lux', '2015-02-02T18:24:56Z', '2021-05-07T16:23:50Z', 'ac4234cf-d2b7-4cfa-8765-9f4477e2de5f', 'light', 3, []],
  [53, '52', 'ICS43432 - Noise', 'I2S Digital Mems Microphone with custom Audio Processing Algorithm', 'dBA', '2018-05-03T10:42:47Z', '2018-05-03T10:42:54Z', 'f508548e-3fd1-44aa-839b-9bd147168481', 'noise_dba', 4, []],
  [55, '54', 'Sensirion SHT31 - Temperature', 'Temperature', 'ºC', T1, '2023-07-14T17:16:19Z', '384e46a2-80dd-481e-a9fc-cfbd512f9f43', 't', 1, []],
  [56, '54', 'Sensirion SHT31 - Humidity', 'Humidity', '%', '2018-05-03T10:47:17Z', '2023-07-14T17:16:44Z', 'b6543356-0066-4bea-8ad2-687e282f9c20', 'h', 2, []],
  [58, '57', 'NXP MPL3115A2 - Barometric Pressure', 'Digital Barometric Pressure Sensor', 'kPa', '2018-05-03T10:49:17Z', '2023-07-14T16:52:14Z', 'cadd2459-6559-4d92-aed1-ba04c557fed8', 'bar', 25, []],
  [87, '86', 'Plantower PMS5003 - PM2.5', 'Particle Matter PM 2.5', 'ug/m3', '2018-05-22T13:20:34Z', '2023-05-23T11:13:07Z', '9ee89ac2-0482-46dd-905f-0b7a1bb12c55', 'pm_avg_2.5', 14, []],
  [88, '86', 'Plantower PMS5003 - PM10', 'Particle Matter PM 10', 'ug/m3', '2018-05-22T13:20:34Z', '2023-05-23T11:12:06Z', 'c2072a22-4d81-4d7c-a38c-af9458b8f309', 'pm_avg_10', 13, []],
  [89, '86', 'Plantower PMS5003 - PM1.0', 'Particle Matter PM 1', 'ug/m3', '2018-05-22T13:20:34Z', '2023-05-23T11:13:03Z', 'a4b9efba-241f-446e-9cf2-918f25efd0c5', 'pm_avg_1', 27, []],
  [152, null, 'Alphasense CO - CO', 'Carbon monoxide, postprocessed (placeholder name)', 'ppm', T2, T2, null, 'co', 89, []],
  [153, null, 'Alphasense NO2-B43F - NO2', 'Nitrogen dioxide, postprocessed (placeholder name)', 'ppb', T2, T2, '0a7673d7-88c3-517a-8cad-78275db9e087', 'no2', 90, []],
  [154, null, 'Alphasense NO - NO', 'Nitric oxide, postprocessed (placeholder name)', 'ppb', T2, T2, null, 'no', 91, []],
  [155, null, 'Alphasense SO2 - SO2', 'Sulphur dioxide, postprocessed (placeholder name)', 'ppb', T2, T2, null, 'so2', 92, []],
  [156, null, 'Alphasense H2S - H2S', 'Hydrogen sulphide, postprocessed (placeholder name)', 'ppb', T2, T2, null, 'h2s', 93, []],
  [157, null, 'Alphasense OX - O3', 'Ozone, postprocessed (placeholder name)', 'ppb', T2, T2, null, 'o3', 94, []],
  [158, '157', 'Sensirion SCD30 - CO2', 'NDIR CO2 sensor', 'ppm', '2021-03-01T10:00:00Z', '2021-03-01T10:00:00Z', null, 'scd30_co2', 46, []],
  [160, '157', 'Sensirion SCD30 - Temperature', 'Temperature (SCD30)', 'ºC', '2021-03-01T10:00:00Z', '2021-03-01T10:00:00Z', null, 'scd30_temp', 1, []],
  [161, '157', 'Sensirion SCD30 - Humidity', 'Humidity (SCD30)', '%', '2021-03-01T10:00:00Z', '2021-03-01T10:00:00Z', null, 'scd30_hum', 2, []],
];

/** ADS1x15 address → id of channel 0 (ADC_48_0 is 133, ADC_49_0 138, ADC_4A_0 143, ADC_4B_0 148). */
export const ADC_BASE_IDS: Readonly<Record<string, number>> = { '48': 133, '49': 138, '4A': 143, '4B': 148 };
const ADC_UUIDS: Record<number, string> = {
  133: '37e8843d-47e1-401e-ac85-1c77d5ce4cd5',
  134: 'bcca75f9-4281-54e3-b61d-f318e6f06983',
  135: '81256808-106b-5a8e-a11a-81edd61415ce',
  136: '2cb1f86f-62ee-5847-9abe-ccee9a728c35',
};

let cache: Map<number, SensorDocument> | undefined;

function build(): Map<number, SensorDocument> {
  const measurements = new Map<number, MeasurementDocument>();
  for (const [id, name, description, uuid] of MEASUREMENTS) {
    measurements.set(id, {
      id,
      name,
      description,
      unit: null,
      uuid: uuid ?? uuidOf(77, id),
      definition: null,
    });
  }
  const rows: SensorRow[] = [...SENSORS];
  for (const [address, base] of Object.entries(ADC_BASE_IDS)) {
    for (let ch = 0; ch < 4; ch++) {
      const id = base + ch;
      const description = `16-bit Analog to Digital Converter - ADS1X15 addr. ${address} ch. ${ch}`;
      const name = `ADC_${address}_${ch}`;
      const uuid = ADC_UUIDS[id] ?? null;
      rows.push([
        id,
        '132',
        name,
        description,
        'V',
        '2020-12-11T15:35:48Z',
        '2020-12-11T15:48:02Z',
        uuid,
        name.toLowerCase(),
        11,
        ['raw'],
      ]);
    }
  }
  const out = new Map<number, SensorDocument>();
  for (const [id, ancestry, name, description, unit, created, updated, uuid, key, mId, tags] of rows) {
    out.set(id, {
      id,
      ancestry,
      name,
      description,
      unit,
      created_at: created,
      updated_at: updated,
      uuid: uuid ?? uuidOf(78, id),
      default_key: key,
      datasheet: null,
      unit_definition: null,
      measurement: measurements.get(mId) ?? null,
      value: null,
      prev_value: null,
      last_reading_at: null,
      tags,
    });
  }
  return out;
}

/** The catalogue entry of a sensor id (a fresh copy, value fields null), or undefined. */
export function catalogSensor(id: number): SensorDocument | undefined {
  cache ??= build();
  const sensor = cache.get(id);
  return sensor === undefined ? undefined : cloneSensor(sensor);
}

/** A deep copy of a sensor object. */
export function cloneSensor(sensor: SensorDocument): SensorDocument {
  return {
    ...sensor,
    measurement: sensor.measurement ? { ...sensor.measurement } : null,
    // Documents put by tests may be minimal (id, name, unit): tolerate missing arrays.
    tags: [...(sensor.tags ?? [])],
  };
}

/** Sort sensors by name in code-point order, as the API emits them. */
export function sortSensors(sensors: SensorDocument[]): SensorDocument[] {
  return sensors.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
}
