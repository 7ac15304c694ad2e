// ec_sensor_temp (spec §3.4): pick the electrochemical sensor temperature column (per column, no filling).
import type { MetricFunction } from './types.js';

/** Fallback order when the `priority` column is absent (SHT31/SHT35_EXT_TEMP are unreachable, quirk Q3). */
export const EC_TEMPERATURE_FALLBACKS = [
  'ASPT1000',
  'SHT31_EXT_TEMP',
  'SHT35_EXT_TEMP',
  'PM_DALLAS_TEMP',
  'TEMP',
];

/** The `priority` column if present, else the first present fallback column, else ERROR_MISSING_CHANNEL. */
export const ecSensorTemp: MetricFunction = (table, kwargs) => {
  const priority = kwargs.priority;
  const candidates =
    typeof priority === 'string' ? [priority, ...EC_TEMPERATURE_FALLBACKS] : EC_TEMPERATURE_FALLBACKS;
  for (const name of candidates) {
    const column = table.columns.get(name);
    if (column) return { status: 'SUCCESS', values: column.slice() };
  }
  return { status: 'ERROR_MISSING_CHANNEL' };
};
