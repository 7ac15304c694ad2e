// Synthetic devices for run-device tests: a device document in the admin shape with every ADC channel,
// the SHT31 temperature and the SCD30 CO2 sensor, and smooth plausible readings.
import type { DevApi } from '../../src/devapi/index.js';

export const SENSORS = [
  ...Array.from({ length: 20 }, (_, i) => ({
    id: 133 + i,
    name: `ADC_4${'89AB'[Math.floor(i / 5)]}_${i % 5}`,
  })),
  { id: 55, name: 'Sensirion SHT31 - Temperature' },
  { id: 158, name: 'Sensirion SCD30 - CO2' },
].filter((s) => !s.name.endsWith('_4'));

const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');

/** A device document with a postprocessing record for `hardware`, processed up to `from`. */
export function deviceDoc(id: number, hardware: string, from: number, lastReading: number) {
  return {
    id,
    uuid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    name: `synthetic ${hardware}`,
    description: null,
    state: 'has_published',
    system_tags: ['online'],
    user_tags: [],
    last_reading_at: iso(lastReading),
    created_at: '2024-01-01T00:00:00Z',
    updated_at: iso(lastReading),
    notify: { stopped_publishing: false, low_battery: false },
    postprocessing: {
      id: 500000 + id,
      blueprint_url: null,
      hardware_url: hardware,
      device_id: id,
      forwarding_params: null,
      meta: null,
      latest_postprocessing: iso(from),
      created_at: '2024-01-01T00:00:00Z',
      updated_at: iso(from),
    },
    location: { latitude: 41.4, longitude: 2.19 },
    data_policy: { is_private: false },
    hardware: { name: 'SCK', type: 'SCK', version: '2.3', slug: 'sck:2,3', last_status_message: null },
    data: {
      sensors: SENSORS.map((s) => ({
        ...s,
        description: s.name,
        unit: s.id === 55 ? 'ºC' : s.id === 158 ? 'ppm' : 'V',
      })),
    },
  };
}

/** A plausible raw value of `sensor` at minute `minute`. */
export function syntheticValue(sensor: number, minute: number): number {
  if (sensor === 55) return 18 + 4 * Math.sin(minute / 30);
  if (sensor === 158) return 520 + 40 * Math.sin(minute / 20);
  return 0.25 + 0.03 * Math.sin((minute + sensor) / 15) + (sensor % 7) * 0.02;
}

/** Put a synthetic device with `minutes` minutes of readings (at :41 s) starting at `from` into the stand-in. */
export function putSyntheticDevice(
  api: DevApi,
  id: number,
  hardware: string,
  from: number,
  minutes: number,
): void {
  api.store.putDevice(deviceDoc(id, hardware, from, from + (minutes - 1) * 60 + 41) as never);
  for (const sensor of SENSORS) {
    api.store.setReadings(
      id,
      sensor.id,
      Array.from({ length: minutes }, (_, m) => [from + m * 60 + 41, syntheticValue(sensor.id, m)] as const),
    );
  }
}
