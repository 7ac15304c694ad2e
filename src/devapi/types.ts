// The documents the stand-in serves and the records it keeps. Device documents follow spec §2 (admin
// view); only the fields the server itself reads are typed, the rest pass through untouched.

/** `measurement` object inside a sensor. */
export interface MeasurementDocument {
  id: number;
  name: string;
  description: string;
  unit: string | null;
  uuid: string;
  definition: string | null;
}

/** One entry of `data.sensors` (key order as emitted by the API). */
export interface SensorDocument {
  id: number;
  ancestry: string | null;
  name: string;
  description: string;
  unit: string | null;
  created_at: string;
  updated_at: string;
  uuid: string;
  default_key: string | null;
  datasheet: string | null;
  unit_definition: string | null;
  measurement: MeasurementDocument | null;
  value: number | null;
  prev_value: number | null;
  last_reading_at: string | null;
  tags: string[];
}

/** The `postprocessing` record (spec §2.3, key order = column order). */
export interface PostprocessingDocument {
  id: number;
  blueprint_url: string | null;
  hardware_url: string | null;
  device_id: number;
  forwarding_params: unknown;
  meta: unknown;
  latest_postprocessing: string | null;
  created_at: string;
  updated_at: string;
}

/** A device document as an admin sees it (spec §2.2). */
export interface DeviceDocument {
  id: number;
  state: string;
  last_reading_at: string | null;
  updated_at: string;
  postprocessing: PostprocessingDocument | null;
  data_policy: { is_private: boolean; [key: string]: unknown };
  data: { sensors: SensorDocument[] };
  [key: string]: unknown;
}

/** A raw reading: epoch seconds and value. */
export type RawPoint = readonly [seconds: number, value: number | null];

/** One answered (or dropped) request, as kept in the request log. */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** HTTP status sent; 0 when the connection was dropped. */
  status: number;
  /** The injected fault, if any: `5xx`, `429`, `throttle`, `drop-before`, `drop-after`. */
  fault?: string;
  /** Injected clock at arrival (ISO). */
  at: string;
  /** Wall clock at arrival (epoch ms), whatever the injected clock says. */
  receivedAtMs: number;
}

/** One PATCH of a device, as kept in the PATCH log. */
export interface PatchLogEntry {
  /** null when the path id is not a number. */
  deviceId: number | null;
  body: unknown;
  status: number;
  at: string;
}
