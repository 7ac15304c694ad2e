// GET /devices/:id and PATCH /devices/:id/ (spec §2, §6.2).
import type { HttpClient } from './http.js';
import { parseJsonBody } from './http.js';
import { type DeviceDoc, type Postprocessing, parseDevice } from './types.js';

/** Fetch and validate one device document. */
export async function getDevice(http: HttpClient, base: string, id: number): Promise<DeviceDoc> {
  const response = await http({ method: 'GET', url: `${base}/devices/${id}`, auth: true });
  return parseDevice(parseJsonBody(response, `GET /devices/${id}`), `GET /devices/${id}`);
}

/** Send the whole postprocessing record back with a new latest_postprocessing (key order as upstream). */
export async function patchPostprocessing(
  http: HttpClient,
  base: string,
  deviceId: number,
  p: Postprocessing,
): Promise<void> {
  const postprocessing_attributes = {
    id: p.id,
    blueprint_url: p.blueprint_url,
    hardware_url: p.hardware_url,
    forwarding_params: p.forwarding_params,
    meta: p.meta,
    latest_postprocessing: p.latest_postprocessing,
    created_at: p.created_at,
    updated_at: p.updated_at,
    device_id: p.device_id,
  };
  await http({
    method: 'PATCH',
    url: `${base}/devices/${deviceId}/`,
    auth: true,
    json: { postprocessing_attributes },
  });
}
