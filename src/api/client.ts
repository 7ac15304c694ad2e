// The Smart Citizen client handed to commands: one function per endpoint over one HTTP client.
import type { Config } from '../config/config.js';
import { getDevice, patchPostprocessing } from './devices.js';
import { fetchDocument } from './documents.js';
import { createHttpClient, type HttpClient } from './http.js';
import { getReadings, type PostBody, postReadings } from './readings.js';
import { searchPostprocessingDevices } from './search.js';
import type { DeviceDoc, Postprocessing, ReadingsDoc, SearchedDevice } from './types.js';

export interface ApiClient {
  getDevice(id: number): Promise<DeviceDoc>;
  /** Every device with a postprocessing record (all pages). */
  searchPostprocessingDevices(): Promise<SearchedDevice[]>;
  getReadings(deviceId: number, sensorId: number, from: Date, limit: number): Promise<ReadingsDoc>;
  postReadings(deviceId: number, body: PostBody): Promise<void>;
  patchPostprocessing(deviceId: number, attributes: Postprocessing): Promise<void>;
  /** A data document (hardware, blueprint, calibrations, names): text, fetched without the token. */
  fetchDocument(url: string): Promise<string>;
}

/** Build the API client from Config (or from a given HTTP client). */
export function createApiClient(
  config: Pick<Config, 'apiUrl' | 'bearer' | 'http' | 'search'>,
  http: HttpClient = createHttpClient(config),
): ApiClient {
  const base = config.apiUrl;
  return {
    getDevice: (id) => getDevice(http, base, id),
    searchPostprocessingDevices: () => searchPostprocessingDevices(http, base, config.search.perPage),
    getReadings: (deviceId, sensorId, from, limit) =>
      getReadings(http, base, { deviceId, sensorId, from, limit }),
    postReadings: (deviceId, body) => postReadings(http, base, deviceId, body),
    patchPostprocessing: (deviceId, attributes) => patchPostprocessing(http, base, deviceId, attributes),
    fetchDocument: (url) => fetchDocument(http, url),
  };
}
