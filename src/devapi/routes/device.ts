// GET /v0/devices/:id (spec §2) and PATCH /v0/devices/:id/ (spec §6.2: admin only; of the
// postprocessing attributes only blueprint_url, hardware_url, latest_postprocessing, meta and
// forwarding_params are applied; the answer is the full updated document).
import type { DeviceOp } from '../device-record.js';
import { type ApiRequest, jsonText, parseJson, type Reply, replies } from '../http.js';
import type { DevApiStore } from '../store.js';
import { epochSecondsOf, isoSeconds, parseTimeValue } from '../time.js';
import type { DeviceDocument, PostprocessingDocument } from '../types.js';
import { anonymousView, isVisible } from '../view.js';

const APPLIED = [
  'blueprint_url',
  'hardware_url',
  'latest_postprocessing',
  'meta',
  'forwarding_params',
] as const;

function deviceId(idText: string): number | undefined {
  return /^\d+$/.test(idText) ? Number(idText) : undefined;
}

/** The document as the caller may see it, serialised. */
export function serializeFor(doc: DeviceDocument, isAdmin: boolean): string {
  return JSON.stringify(isAdmin ? doc : anonymousView(doc));
}

/** Answer a device GET. */
export function getDevice(store: DevApiStore, req: ApiRequest, idText: string): Reply {
  const id = deviceId(idText);
  const doc = id === undefined ? undefined : store.getDevice(id);
  if (doc === undefined) return replies.deviceNotFound(idText);
  if (!isVisible(doc, req.isAdmin)) return replies.forbidden();
  return jsonText(200, serializeFor(doc, req.isAdmin));
}

function stringOrNull(value: unknown): string | null | undefined {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The new value of an applied attribute, or undefined when it cannot be applied. */
function castAttribute(key: (typeof APPLIED)[number], value: unknown): unknown {
  if (key === 'meta' || key === 'forwarding_params') return value;
  if (key !== 'latest_postprocessing') return stringOrNull(value);
  if (value === null) return null;
  const seconds = parseTimeValue(value);
  return seconds === undefined ? null : isoSeconds(seconds); // Rails casts an unreadable time to nil
}

/** The change a PATCH body makes, captured at `at` (undefined: nothing to apply). */
export function patchOp(
  attributes: Record<string, unknown>,
  at: string,
  newId: number,
): DeviceOp | undefined {
  const changes: [string, unknown][] = [];
  for (const key of APPLIED) {
    if (!(key in attributes)) continue;
    const value = castAttribute(key, attributes[key]);
    if (value !== undefined) changes.push([key, value]);
  }
  if (changes.length === 0) return undefined;
  return (doc) => {
    const old = doc.postprocessing;
    const record: PostprocessingDocument = old ?? {
      id: newId,
      blueprint_url: null,
      hardware_url: null,
      device_id: doc.id,
      forwarding_params: null,
      meta: null,
      latest_postprocessing: null,
      created_at: at,
      updated_at: at,
    };
    const next = { ...record } as unknown as Record<string, unknown>;
    for (const [key, value] of changes) next[key] = value;
    const changed =
      old === null ||
      changes.some(
        ([key, value]) =>
          JSON.stringify(record[key as keyof PostprocessingDocument]) !== JSON.stringify(value),
      );
    if (!changed) return;
    next.updated_at = at;
    doc.postprocessing = next as unknown as PostprocessingDocument;
    doc.updated_at = at;
  };
}

/** Answer a device PATCH. */
export function patchDevice(store: DevApiStore, req: ApiRequest, idText: string): Reply {
  const now = store.now();
  const at = isoSeconds(epochSecondsOf(now));
  const parsed = parseJson(req.body);
  const body = parsed.ok ? parsed.value : req.body;
  const reply = applyPatch(store, req, idText, parsed.ok ? parsed.value : undefined, at);
  store.logPatch({ deviceId: deviceId(idText) ?? null, body, status: reply.status, at });
  return reply;
}

function applyPatch(store: DevApiStore, req: ApiRequest, idText: string, body: unknown, at: string): Reply {
  const id = deviceId(idText);
  if (id === undefined || store.record(id) === undefined) return replies.deviceNotFound(idText);
  if (!req.isAdmin) return replies.forbidden();
  if (body === undefined || body === null || typeof body !== 'object')
    return replies.badRequest('Malformed JSON body');
  const wrapped = (body as { device?: unknown }).device;
  const source = (wrapped !== null && typeof wrapped === 'object' ? wrapped : body) as Record<
    string,
    unknown
  >;
  const attributes = source.postprocessing_attributes;
  if (attributes !== null && typeof attributes === 'object' && !Array.isArray(attributes)) {
    const op = patchOp(attributes as Record<string, unknown>, at, store.devices.nextPostprocessingId());
    if (op !== undefined) store.mutate(id, op);
  }
  const doc = store.getDevice(id);
  return doc === undefined ? replies.deviceNotFound(idText) : jsonText(200, serializeFor(doc, true));
}
